import type { ReadModelReader } from '../read-models/read-model-reader';
import { oneOf } from '../closed-filter';
import { groupBy } from '../group-by';
import { optional } from '../optional-field';
import { type PointInTime, resolvePointInTime } from '../point-in-time';
import { stateRowsAt } from '../sqlite/state-rows';
import type { SupervisionEntry, SupervisionFinding } from './supervision-register-answers';

export interface SupervisionQuery extends PointInTime {
  readonly unit?: string;
  /** `open`: not closed by then; `closed`: closed by then. */
  readonly status?: 'open' | 'closed';
}

interface Row {
  readonly supervision_id: string;
  readonly event_type: string;
  readonly on_date: string;
  readonly supervisory_authority: string | null;
  readonly subject: string | null;
  readonly unit: string | null;
  readonly legal_basis: string | null;
  readonly finding_id: string | null;
  readonly finding_kind: string | null;
  readonly description: string | null;
  readonly legal_reference: string | null;
  readonly conclusion: string | null;
  readonly document_reference: string | null;
}

const toFinding = (row: Row): SupervisionFinding => ({
  findingId: row.finding_id ?? '',
  kind: row.finding_kind ?? '',
  description: row.description ?? '',
  recordedOn: row.on_date,
  ...optional('legalReference', row.legal_reference),
});

/** One tilsyn from its rows; none when its opening is not in them (not opened by then). */
const toEntry = (rows: readonly Row[]): SupervisionEntry[] => {
  const opening = rows.find((row) => row.event_type === 'SupervisionOpened');
  if (opening === undefined) return [];
  const closing = rows.find((row) => row.event_type === 'SupervisionClosed');
  return [
    {
      supervisionId: opening.supervision_id,
      supervisoryAuthority: opening.supervisory_authority ?? '',
      subject: opening.subject ?? '',
      unit: opening.unit ?? '',
      openedOn: opening.on_date,
      ...optional('legalBasis', opening.legal_basis),
      ...optional('documentReference', opening.document_reference),
      findings: rows.filter((row) => row.event_type === 'SupervisionFindingRecorded').map(toFinding),
      ...(closing === undefined
        ? {}
        : {
            closed: {
              closedOn: closing.on_date,
              conclusion: closing.conclusion ?? '',
              ...optional('documentReference', closing.document_reference),
            },
          }),
    },
  ];
};

/**
 * Every statlig tilsyn as it stood at `asOf` (both clocks), in the order opened: for the kommunedirektør's
 * yearly report on internkontroll and tilsyn to kommunestyret (kommuneloven § 25-2), and for auditors.
 */
export const supervisions = async (
  reader: ReadModelReader,
  query: SupervisionQuery = {},
): Promise<SupervisionEntry[]> => {
  oneOf('status', query.status, ['open', 'closed']);
  const rows = await stateRowsAt<Row>(reader, resolvePointInTime(query), 'supervision_events');
  return [...groupBy(rows, (row) => row.supervision_id).values()]
    .flatMap(toEntry)
    .filter((entry) => query.unit === undefined || entry.unit === query.unit)
    .filter(
      (entry) => query.status === undefined || (query.status === 'closed') === (entry.closed !== undefined),
    );
};

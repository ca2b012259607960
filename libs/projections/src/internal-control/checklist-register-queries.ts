import type { ReadModelReader } from '../read-models/read-model-reader';
import type * as t from 'io-ts';
import { checkDate, type PointInTime, resolvePointInTime } from '../point-in-time';
import { Where } from '../sqlite/where';
import { rowsInEffectOrder } from '../sqlite/state-rows';
import type { checklistEntry, internalControlChecklistsAnswer } from './checklist-register-answers';

type ChecklistEntry = t.TypeOf<typeof checklistEntry>;
type ChecklistItem = ChecklistEntry['items'][number];

export interface ChecklistQuery extends PointInTime {
  readonly unit?: string;
  /** Only checklists whose period ends on or after this date. */
  readonly from?: string;
  /** Only checklists whose period starts on or before this date. */
  readonly to?: string;
  /** Only checklists with at least one item answered `avvik`. */
  readonly withAvvik?: boolean;
}

interface Row {
  readonly event_id: string;
  readonly position: bigint;
  readonly known_from: string;
  readonly unit: string;
  readonly period_from: string;
  readonly period_to: string;
  readonly completed_on: string;
  readonly obligation_id: string | null;
  readonly items: string;
  readonly actor: string;
  readonly role: string;
}

const toEntry = (row: Row): ChecklistEntry => {
  const items = JSON.parse(row.items) as ChecklistItem[];
  const count = (status: ChecklistItem['status']) => items.filter((item) => item.status === status).length;
  return {
    unit: row.unit,
    period: { from: row.period_from, to: row.period_to },
    completedOn: row.completed_on,
    ...(row.obligation_id === null ? {} : { obligationId: row.obligation_id }),
    items,
    outcome: { ok: count('ok'), avvik: count('avvik'), ikkeRelevant: count('ikke-relevant') },
    completedBy: { actor: row.actor, role: row.role },
    eventId: row.event_id,
    globalPosition: row.position,
    knownFrom: row.known_from,
  };
};

/**
 * The internkontroll checklists in the order they were completed: on the recorded clock those recorded by
 * `asOf` (as then known); on the effective clock those completed by `asOf`, as known now.
 */
export const internalControlChecklists = async (
  reader: ReadModelReader,
  query: ChecklistQuery = {},
): Promise<t.TypeOf<typeof internalControlChecklistsAnswer>> => {
  const table = 'internal_control_checklists';
  const where = new Where()
    .historyAt(resolvePointInTime(query), table)
    .and(`${table}.unit = ?`, query.unit)
    .and(`${table}.period_to >= ?`, query.from === undefined ? undefined : checkDate(query.from, 'from'))
    .and(`${table}.period_from <= ?`, query.to === undefined ? undefined : checkDate(query.to, 'to'));
  return (await rowsInEffectOrder<Row>(reader, table, where))
    .map(toEntry)
    .filter((entry) => query.withAvvik !== true || entry.outcome.avvik > 0);
};

import type { ReadModelReader } from '../read-models/read-model-reader';
import type * as t from 'io-ts';
import { unitKindLabels } from '@styring/governance';
import { provenanceOf, type ProvenanceRow } from '../answers/provenance';
import { decisionOf, type DecisionRow, type DecisionSummary } from '../governance/decision-columns';
import { oneOf } from '../closed-filter';
import { type PointInTime, resolvePointInTime } from '../point-in-time';
import { stateRowsAt } from '../sqlite/state-rows';
import type { organizationUnitsAnswer } from './organization-units-answers';

type OrganizationUnit = t.TypeOf<typeof organizationUnitsAnswer>[number];
type UnitKind = OrganizationUnit['kind'];
type UnitStatus = OrganizationUnit['status'];

export interface OrganizationUnitsQuery extends PointInTime {
  readonly kind?: string;
  readonly status?: string;
}

interface UnitRow extends DecisionRow, ProvenanceRow {
  readonly unit: string;
  readonly event_type: 'UnitEstablished' | 'UnitDissolved';
  readonly name: string | null;
  readonly kind: UnitKind | null;
  readonly parent: string | null;
  readonly reason: string | null;
}

const statuses: readonly UnitStatus[] = ['aktiv', 'nedlagt'];

const unitDecision = (row: UnitRow) => ({
  decision: decisionOf(row) as DecisionSummary,
  ...provenanceOf(row),
});

/** The nearest sector from a unit up through its parents (a loop or a missing parent ends the walk). */
const sectorOf = (units: ReadonlyMap<string, OrganizationUnit>, start: OrganizationUnit) => {
  const seen = new Set<string>();
  for (let unit: OrganizationUnit | undefined = start; unit !== undefined && !seen.has(unit.unit);) {
    if (unit.kind === 'sektor') return unit.unit;
    seen.add(unit.unit);
    unit = unit.parent === undefined ? undefined : units.get(unit.parent);
  }
  return undefined;
};

/**
 * The organization's units as they stood at `asOf` (as known then on the recorded clock, as known now on
 * the effective clock): every unit established by then, active or dissolved, with its parent, its sector
 * and the decisions that established and dissolved it, each marked when a correction changed it.
 */
export const organizationUnits = async (
  reader: ReadModelReader,
  query: OrganizationUnitsQuery = {},
): Promise<t.TypeOf<typeof organizationUnitsAnswer>> => {
  const kind = oneOf('kind', query.kind, Object.keys(unitKindLabels) as UnitKind[]);
  const status = oneOf('status', query.status, statuses);
  const rows = await stateRowsAt<UnitRow>(reader, resolvePointInTime(query), 'organization_unit_events');
  const units = new Map<string, OrganizationUnit>();
  for (const row of rows) {
    const unit = units.get(row.unit);
    if (row.event_type === 'UnitEstablished') {
      units.set(row.unit, {
        unit: row.unit,
        name: row.name as string,
        kind: row.kind as UnitKind,
        status: 'aktiv',
        established: unitDecision(row),
        ...(row.parent === null ? {} : { parent: row.parent }),
      });
    } else if (unit !== undefined) {
      const dissolved = { reason: row.reason as string, ...unitDecision(row) };
      units.set(row.unit, { ...unit, status: 'nedlagt', dissolved });
    }
  }
  return [...units.values()]
    .map((unit) => {
      const sector = sectorOf(units, unit);
      return sector === undefined ? unit : { ...unit, sector };
    })
    .filter(
      (unit) =>
        (kind === undefined || unit.kind === kind) && (status === undefined || unit.status === status),
    );
};

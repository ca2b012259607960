import type { OpenedStore } from '@styring/app';
import { RiskScale, riskScaleFields, streamCategories } from '@styring/governance';
import type { QueryAnswer, QueryOptions, ReadModelQueryName } from '@styring/nestjs';
import { isRight } from 'fp-ts/Either';

/** What pages need besides their own queries: the names of units and the risk scales. */
export interface HistoryOverview {
  /** Each unit's name, by slug. */
  readonly unitNames: ReadonlyMap<string, string>;
  /** Each adopted risk scale, by version. */
  readonly riskScales: ReadonlyMap<number, RiskScale>;
}

/** The period the history covers: its first and last decision, when decided and when recorded. */
export interface HistoryPeriod {
  readonly effective?: { readonly first: string; readonly last: string };
  readonly recorded?: { readonly first: string; readonly last: string };
}

type Read = <N extends ReadModelQueryName>(
  name: N,
  options?: Partial<QueryOptions<N>>,
) => Promise<QueryAnswer<N>>;

const span = (values: readonly string[]) =>
  values.length === 0
    ? undefined
    : { first: values.reduce((a, b) => (a < b ? a : b)), last: values.reduce((a, b) => (a > b ? a : b)) };

/** The period of the decision log's decisions (as the page's point in time answers it). */
export const periodOf = (
  decisions: readonly { readonly decidedOn: string; readonly recordedAt: string }[],
): HistoryPeriod => {
  const effective = span(decisions.map((decision) => decision.decidedOn));
  const recorded = span(decisions.map((decision) => decision.recordedAt));
  return {
    ...(effective === undefined ? {} : { effective }),
    ...(recorded === undefined ? {} : { recorded }),
  };
};

/**
 * Read from the registers: unit names from the organization's units (as known now – a name is a label, and
 * a unit is shown by it even on a page asked of an earlier time). The risk register keeps only each scale's band names, not its limits and size, so the scales
 * come from their own streams (a handful of events, read by the store's stream prefix, not the whole log).
 */
export const historyOverview = async (store: OpenedStore, readNow: Read): Promise<HistoryOverview> => {
  const units = await readNow('OrganizationUnits');
  const riskScales = new Map<number, RiskScale>();
  for await (const event of store.events.readAll({
    filter: { streamPrefixes: [`${streamCategories.riskScale}-`], eventTypes: ['RiskScaleAdopted'] },
  })) {
    const data = event.data as Record<string, unknown>;
    // The event carries the decision too; the scale is its own fields.
    const scale = RiskScale.decode(
      Object.fromEntries(Object.keys(riskScaleFields).map((field) => [field, data[field]])),
    );
    if (isRight(scale)) riskScales.set(scale.right.scaleVersion, scale.right);
  }
  return { unitNames: new Map(units.map((unit) => [unit.unit, unit.name])), riskScales };
};

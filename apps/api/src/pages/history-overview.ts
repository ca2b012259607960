import type { OpenedStore } from '@styring/app';
import { RiskScale, riskScaleFields, streamCategories } from '@styring/governance';
import { isRight } from 'fp-ts/Either';

/** What the start page says about the whole history, and the names the registers do not carry. */
export interface HistoryOverview {
  /** Events per register (stream category), in the order of `registerNames`. */
  readonly counts: readonly { readonly register: string; readonly name: string; readonly events: number }[];
  readonly total: number;
  readonly effective?: { readonly first: string; readonly last: string };
  readonly recorded?: { readonly first: string; readonly last: string };
  /** Each unit's name, by slug, as established. */
  readonly unitNames: ReadonlyMap<string, string>;
  /** Each adopted risk scale, by version. */
  readonly riskScales: ReadonlyMap<number, RiskScale>;
}

/** The registers by their stream category, named in Norwegian. */
export const registerNames: Readonly<Record<keyof typeof streamCategories, string>> = {
  organisation: 'Organisasjon (enheter)',
  delegation: 'Delegeringer',
  plan: 'Planer',
  project: 'Prosjekter',
  ranking: 'Prioriteringer',
  procurement: 'Anskaffelser og kontrakter',
  company: 'Eide selskaper',
  ownershipReport: 'Eierskapsmeldinger',
  riskScale: 'Risikoskalaer',
  risk: 'Risikoer',
  report: 'Rapporter (årshjul)',
  checklist: 'Internkontroll: sjekklister',
  deviation: 'Internkontroll: avvik',
  correction: 'Korrigeringer',
  supervision: 'Statlige tilsyn',
};

/** `risk-…` → `risk`; a register kept in one stream (`organisation`) is its own category. */
const categoryOf = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
};

const widen = (span: { first: string; last: string } | undefined, at: string) =>
  span === undefined
    ? { first: at, last: at }
    : { first: at < span.first ? at : span.first, last: at > span.last ? at : span.last };

/**
 * One pass over every recorded event. The read side has no register of units or risk scales yet (the
 * read-side issue adds them); until then their names and bands come from the events themselves.
 */
export const historyOverview = async (store: OpenedStore): Promise<HistoryOverview> => {
  const perCategory = new Map<string, number>();
  const unitNames = new Map<string, string>();
  const riskScales = new Map<number, RiskScale>();
  let effective: { first: string; last: string } | undefined;
  let recorded: { first: string; last: string } | undefined;
  let total = 0;
  for await (const event of store.events.readAll()) {
    total++;
    const category = categoryOf(event.streamId);
    perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
    effective = widen(effective, event.metadata.effectiveAt);
    recorded = widen(recorded, event.recordedAt);
    const data = event.data as Record<string, unknown>;
    if (
      event.type === 'UnitEstablished' &&
      typeof data['unit'] === 'string' &&
      typeof data['name'] === 'string'
    )
      unitNames.set(data['unit'], data['name']);
    if (event.type === 'RiskScaleAdopted') {
      // The event carries the decision too; the scale is its own fields.
      const scale = RiskScale.decode(
        Object.fromEntries(Object.keys(riskScaleFields).map((field) => [field, data[field]])),
      );
      if (isRight(scale)) riskScales.set(scale.right.scaleVersion, scale.right);
    }
  }
  const counts = Object.entries(registerNames).map(([key, name]) => ({
    register: streamCategories[key as keyof typeof streamCategories],
    name,
    events: perCategory.get(streamCategories[key as keyof typeof streamCategories]) ?? 0,
  }));
  return {
    counts,
    total,
    ...(effective === undefined ? {} : { effective }),
    ...(recorded === undefined ? {} : { recorded }),
    unitNames,
    riskScales,
  };
};

import {
  bodyLabels,
  commandLabels,
  eventKindLabels,
  portfolioLabels,
  planKindLabels,
  reportKindLabels,
  riskBandLabels,
  supervisoryAuthorityLabels,
  unitKindLabels,
} from '@styring/governance';
import { roleNames } from '@styring/app';

/*
 * How the pages show values to people: Norwegian names instead of slugs, dates as `31.12.2024`, times in
 * Oslo time. Every name table is the domain's own; a slug the table does not know is shown as it is.
 */

const nameIn =
  (table: Readonly<Record<string, string>>) =>
  (slug: string | undefined): string =>
    slug === undefined ? '–' : (table[slug] ?? slug);

export const bodyName = nameIn(bodyLabels);
export const roleName = nameIn(roleNames);
export const planKindName = nameIn(planKindLabels);
export const reportKindName = nameIn(reportKindLabels);
export const riskBandName = nameIn(riskBandLabels);
export const eventTypeName = nameIn(eventKindLabels);
export const unitKindName = nameIn(unitKindLabels);
export const portfolioName = nameIn(portfolioLabels);
export const supervisoryAuthorityName = nameIn(supervisoryAuthorityLabels);
/** The domain has slugs only for these; their names are the pages' own. */
export const deviationCategoryName = nameIn({
  lovbrudd: 'Lovbrudd',
  rutinebrudd: 'Rutinebrudd',
  hms: 'HMS',
  personvern: 'Personvern',
  annet: 'Annet',
});
export const companyFormName = nameIn({
  iks: 'Interkommunalt selskap (IKS)',
  as: 'Aksjeselskap (AS)',
  kf: 'Kommunalt foretak (KF)',
  sa: 'Samvirkeforetak (SA)',
  stiftelse: 'Stiftelse',
  annet: 'Annet',
});
export const findingKindName = nameIn({ avvik: 'Avvik', merknad: 'Merknad' });
export const healthName = nameIn({ gronn: 'Grønn', gul: 'Gul', rod: 'Rød' });
/** A command type by what it decides (`Vedta plan`), the names the summaries and CSVs use too. */
export const commandName = nameIn(
  Object.fromEntries(
    Object.entries(commandLabels).map(([type, label]) => [type, label[0]!.toUpperCase() + label.slice(1)]),
  ),
);

/** `2024-12-31` as `31.12.2024`; anything else as it is. */
export const dateNo = (date: string | undefined): string => {
  if (date === undefined) return '–';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return match === null ? date : `${match[3]}.${match[2]}.${match[1]}`;
};

const osloFormat = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant (ISO 8601) in Oslo time, `31.12.2024 kl. 14:05`; a bare date as `dateNo`. */
export const timeNo = (instant: string | undefined): string => {
  if (instant === undefined) return '–';
  if (/^\d{4}-\d{2}-\d{2}$/.test(instant)) return dateNo(instant);
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  const parts = Object.fromEntries(osloFormat.formatToParts(ms).map((part) => [part.type, part.value]));
  return `${parts['day']}.${parts['month']}.${parts['year']} kl. ${parts['hour']}:${parts['minute']}`;
};

const amountFormat = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });

/** Whole kroner as `1 812 500 kr`. */
export const kroner = (amount: number | undefined): string =>
  amount === undefined ? '–' : `${amountFormat.format(amount)} kr`;

/** Any value a correction names (before / after), as a person reads it. */
export const valueText = (value: unknown): string => {
  if (value === undefined || value === null) return '–';
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? dateNo(value) : value;
  if (typeof value === 'number') return amountFormat.format(value);
  return JSON.stringify(value);
};

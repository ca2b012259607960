import type * as t from 'io-ts';
import { DecidingBody } from '../shared/bodies';
import { IsoDate, isWithin } from '../shared/dates';
import { refinedString } from '../shared/expectation';
import { Holder } from '../shared/holder';
import { Slug } from '../shared/slug';
import { struct } from '../shared/struct';
import { Text } from '../shared/text';
import { knownUnits } from '../shared/units';
import { Cadence, ReportKind } from './report-kinds';

/** A yearly deadline, `MM-DD` (the årsregnskap by 02-22). */
export const MonthDay = refinedString('MonthDay', (s) => /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(s), {
  nb: 'må være en dag i året på formen MM-DD',
  en: 'must be a day of the year in the form MM-DD',
});

/**
 * One duty in the årshjul, as dated configuration: what is reported, by whom, to whom, how often, by when,
 * and on what ground. The document says practice varies from year to year, so each version is dated.
 */
export const ReportingObligation = struct(
  'ReportingObligation',
  {
    obligationId: Slug,
    kind: ReportKind,
    title: Text,
    from: Holder,
    to: DecidingBody,
    cadence: Cadence,
    validFrom: IsoDate,
    source: Text,
  },
  { validTo: IsoDate, dueMonthDay: MonthDay },
);
export type ReportingObligation = t.TypeOf<typeof ReportingObligation>;

export const isObligationInForce = (obligation: ReportingObligation, date: string): boolean =>
  isWithin(date, obligation.validFrom, obligation.validTo);

const kommunedirektoren = { body: 'kommunedirektoren' } as const;
const from2024 = '2024-01-01';
const policy = 'Helhetlig styring i Lørenskog kommune (2024)';

/** The årshjul as the policy document and the law describe it, from 2024. */
export const defaultReportingObligations: readonly ReportingObligation[] = [
  {
    obligationId: 'okonomirapport',
    kind: 'okonomirapport',
    title: 'Økonomirapportering til kommunestyret (per kvartal eller tertial)',
    from: kommunedirektoren,
    to: 'kommunestyret',
    cadence: 'tertialvis',
    validFrom: from2024,
    source: `${policy}, «Politisk rapportering»`,
  },
  {
    obligationId: 'oppfolging-politiske-vedtak',
    kind: 'oppfolging-politiske-vedtak',
    title: 'Oppfølging av politiske vedtak',
    from: kommunedirektoren,
    to: 'kommunestyret',
    cadence: 'halvarlig',
    validFrom: from2024,
    source: `${policy}, «Politisk rapportering»`,
  },
  {
    obligationId: 'klimatiltak',
    kind: 'klimatiltak',
    title: 'Rapportering på klimatiltak',
    from: kommunedirektoren,
    to: 'kommunestyret',
    cadence: 'halvarlig',
    validFrom: from2024,
    source: `${policy}, «Politisk rapportering»`,
  },
  {
    obligationId: 'investeringsstatus',
    kind: 'investeringsstatus',
    title: 'Status i pågående investeringsprosjekter',
    from: { body: 'virksomhetsleder', unit: knownUnits.prosjektvirksomheten },
    to: 'kommunestyret',
    cadence: 'kvartalsvis',
    validFrom: from2024,
    source: `${policy}, «Investeringsporteføljen»`,
  },
  {
    obligationId: 'arsregnskap',
    kind: 'arsregnskap',
    title: 'Årsregnskap',
    from: kommunedirektoren,
    to: 'kommunestyret',
    cadence: 'arlig',
    dueMonthDay: '02-22',
    validFrom: from2024,
    source: 'Kommuneloven § 14-6',
  },
  {
    obligationId: 'arsberetning',
    kind: 'arsberetning',
    title: 'Årsberetning (årsrapport)',
    from: kommunedirektoren,
    to: 'kommunestyret',
    cadence: 'arlig',
    dueMonthDay: '03-31',
    validFrom: from2024,
    source: 'Kommuneloven § 14-7',
  },
  {
    obligationId: 'internkontroll-rapport',
    kind: 'internkontroll-rapport',
    title: 'Rapport om internkontroll til kommunestyret',
    from: kommunedirektoren,
    to: 'kommunestyret',
    cadence: 'arlig',
    validFrom: from2024,
    source: 'Kommuneloven § 25-2',
  },
  {
    obligationId: 'internkontroll-sjekkliste',
    kind: 'internkontroll-sjekkliste',
    title: 'Sjekkliste for internkontroll til styringsdialogene',
    from: { body: 'direktor' },
    to: 'kommunedirektoren',
    cadence: 'halvarlig',
    validFrom: from2024,
    source: `${policy}, «Internkontroll og risikostyring»`,
  },
  {
    obligationId: 'eierskapsmelding',
    kind: 'eierskapsmelding',
    title: 'Eierskapsmelding',
    from: kommunedirektoren,
    to: 'kommunestyret',
    cadence: 'valgperiode',
    validFrom: from2024,
    source: 'Kommuneloven § 26-1',
  },
  {
    obligationId: 'overordnet-risikovurdering',
    kind: 'overordnet-risikovurdering',
    title: 'Overordnet risikovurdering i kommunedirektørens ledergruppe',
    from: { body: 'ledergruppen' },
    to: 'kommunedirektoren',
    cadence: 'arlig',
    validFrom: from2024,
    source: `${policy}, «Internkontroll og risikostyring»`,
  },
];

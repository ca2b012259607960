import * as t from 'io-ts';
import { DecidingBody } from '../shared/bodies';
import { IsoDate, isWithin, type Period, yearOf } from '../shared/dates';
import { Holder } from '../shared/holder';
import { Slug } from '../shared/slug';
import { struct } from '../shared/struct';
import { Text } from '../shared/text';
import { knownUnits } from '../shared/units';
import { DeadlineRule, dueDateOf, periodsEndingIn } from './deadlines';
import { Cadence, ReportKind } from './report-kinds';

/**
 * One duty in the årshjul, as dated configuration: what is reported, by whom (`from`: a role, body or unit),
 * to whom (`to`: the receiving body), how often, by when (`deadline`, counted from the end of the period), and
 * on what ground. The document says practice varies from year to year, so each version is dated; the version
 * in force at the end of a period governs the report on it. `thirdTertialReported`: the third tertial is
 * covered by the årsregnskap and årsberetning unless the årshjul says otherwise.
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
    deadline: DeadlineRule,
    validFrom: IsoDate,
    source: Text,
  },
  { validTo: IsoDate, thirdTertialReported: t.boolean },
);
export type ReportingObligation = t.TypeOf<typeof ReportingObligation>;

export const isObligationInForce = (obligation: ReportingObligation, date: string): boolean =>
  isWithin(date, obligation.validFrom, obligation.validTo);

/** Whether the obligation expects a report on `period`: in force at its end, and not a third tertial it leaves to the accounts. */
export const expectsReportOn = (obligation: ReportingObligation, period: Period): boolean =>
  isObligationInForce(obligation, period.to) &&
  !(
    obligation.cadence === 'tertialvis' &&
    period.to.endsWith('-12-31') &&
    obligation.thirdTertialReported !== true
  );

/** One round of an obligation: the period a report covers and the day it is due. */
export interface ReportingTerm {
  readonly period: Period;
  readonly dueOn: string;
}

/** The terms of an obligation due in `year` (a deadline is at most a year after the period it follows). */
export const termsDueIn = (obligation: ReportingObligation, year: number): ReportingTerm[] =>
  [year - 1, year]
    .flatMap((periodYear) => periodsEndingIn(obligation.cadence, periodYear))
    .filter((period) => expectsReportOn(obligation, period))
    .map((period) => ({ period, dueOn: dueDateOf(obligation.deadline, period) }))
    .filter((term) => yearOf(term.dueOn) === year);

/** Delivered by the due day; delivered after it; due and not delivered; not due yet. */
export type DeliveryStatus = 'levert-i-tide' | 'levert-for-sent' | 'mangler' | 'ikke-forfalt';

/**
 * The status of one term as of `day`: a function of its due day and the first delivery made by then, and of
 * nothing else (not when it was recorded, not other reports).
 */
export const deliveryStatus = (
  dueOn: string,
  firstDeliveredOn: string | undefined,
  day: string,
): DeliveryStatus => {
  if (firstDeliveredOn !== undefined) return firstDeliveredOn <= dueOn ? 'levert-i-tide' : 'levert-for-sent';
  return dueOn < day ? 'mangler' : 'ikke-forfalt';
};

const kommunedirektoren = { body: 'kommunedirektoren' } as const;
const from2024 = '2024-01-01';
const policy = 'Helhetlig styring i Lørenskog kommune (2024)';

/**
 * The council meetings the årshjul puts the political reports on (FICTITIOUS dates, as the demo's): a report
 * is due at the first of them after its period ends, or 60 days after it where none is named yet.
 */
const councilMeeting = {
  rule: 'council-meeting',
  meetings: [
    '2024-06-12',
    '2024-10-16',
    '2025-02-12',
    '2025-06-11',
    '2025-10-15',
    '2026-02-11',
    '2026-06-10',
    '2026-10-14',
  ],
  otherwiseDays: 60,
} as const;

/** The årshjul as the policy document and the law describe it, from 2024 (the accounts from 2023). */
export const defaultReportingObligations: readonly ReportingObligation[] = [
  {
    obligationId: 'okonomirapport',
    kind: 'okonomirapport',
    title: 'Økonomirapportering til kommunestyret (per tertial; tredje tertial dekkes av årsregnskapet)',
    from: kommunedirektoren,
    to: 'kommunestyret',
    cadence: 'tertialvis',
    deadline: councilMeeting,
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
    deadline: councilMeeting,
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
    deadline: councilMeeting,
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
    deadline: { rule: 'days-after-period', days: 45 },
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
    deadline: { rule: 'fixed-date-next-year', monthDay: '02-22' },
    validFrom: '2023-01-01',
    source: 'Kommuneloven § 14-6 og forskrift om økonomiplan, årsbudsjett, årsregnskap og årsberetning',
  },
  {
    obligationId: 'arsberetning',
    kind: 'arsberetning',
    title: 'Årsberetning (årsrapport)',
    from: kommunedirektoren,
    to: 'kommunestyret',
    cadence: 'arlig',
    deadline: { rule: 'fixed-date-next-year', monthDay: '03-31' },
    validFrom: '2023-01-01',
    source: 'Kommuneloven § 14-7 og forskrift om økonomiplan, årsbudsjett, årsregnskap og årsberetning',
  },
  {
    obligationId: 'internkontroll-rapport',
    kind: 'internkontroll-rapport',
    title: 'Rapport om internkontroll og resultater fra statlig tilsyn til kommunestyret',
    from: kommunedirektoren,
    to: 'kommunestyret',
    cadence: 'arlig',
    deadline: { rule: 'days-after-period', days: 90 },
    validFrom: from2024,
    source: 'Kommuneloven § 25-2 (minst én gang i året)',
  },
  {
    obligationId: 'internkontroll-sjekkliste',
    kind: 'internkontroll-sjekkliste',
    title: 'Sjekkliste for internkontroll til styringsdialogene',
    from: { body: 'direktor' },
    to: 'kommunedirektoren',
    cadence: 'halvarlig',
    // Filled in for the styringsdialog in May and October, so by the end of the half year at the latest.
    deadline: { rule: 'days-after-period', days: 0 },
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
    deadline: { rule: 'days-after-period', days: 0 },
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
    // Made for the year it concerns, early in that year: a delivery before the year ends says why.
    deadline: { rule: 'days-after-period', days: 0 },
    validFrom: from2024,
    source: `${policy}, «Internkontroll og risikostyring»`,
  },
  {
    obligationId: 'kontrollutvalgets-arsmelding',
    kind: 'kontrollutvalgets-rapport',
    title: 'Kontrollutvalgets årsmelding til kommunestyret',
    from: { body: 'kontrollutvalget' },
    to: 'kommunestyret',
    cadence: 'arlig',
    deadline: councilMeeting,
    validFrom: from2024,
    source: 'Kommuneloven § 23-5',
  },
];

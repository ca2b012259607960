import type { CommandOf, Holder } from '@styring/governance';
import { callers, type DemoStep } from './demo-step';
import { sectors } from './organisation';

/**
 * The reporting calendar (årshjul) for 2024 and 2025, each report delivered after its period, for the
 * deadline the årshjul gives it: økonomirapporter for the first two tertials (the third is covered by the
 * accounts) and follow-up of political decisions and climate measures twice a year, each for the council
 * meeting after its period; the investment portfolio's quarterly status within 45 days; årsregnskap by
 * 22 February, årsberetning by 31 March; the internkontroll report within 90 days of the year; kontrollutvalget's
 * årsmelding; the yearly overall risk assessment (made early in the year it concerns, so it says why); and the
 * internkontroll checklists for the styringsdialoger in May and October.
 *
 * Planted in the calendar for 2024: two reports late (the årsberetning for 2023, delivered 5 April; climate
 * measures for the first half of 2024, delivered 20 November after the October meeting) and one missing
 * (the investment status for the third quarter of 2024, never sent). In 2025 one is late (the årsregnskap
 * for 2024, delivered 25 February). Dates and document references are FICTITIOUS.
 */
const kommunedirektoren: Holder = { body: 'kommunedirektoren' };
const prosjektvirksomheten: Holder = { body: 'virksomhetsleder', unit: 'prosjektvirksomheten' };

const report = (
  obligationId: string,
  kind: CommandOf<'SubmitReport'>['kind'],
  period: [string, string],
  submittedOn: string,
  from: Holder = kommunedirektoren,
  to: CommandOf<'SubmitReport'>['to'] = 'kommunestyret',
  earlyReason?: string,
): DemoStep => ({
  on: submittedOn,
  caller:
    from.body === 'virksomhetsleder'
      ? callers.virksomhetsleder(from.unit ?? '')
      : from.body === 'kontrollutvalget'
        ? { ...callers.sekretariat, onBehalfOf: 'kontrollutvalget' }
        : callers.styv,
  command: {
    type: 'SubmitReport',
    reportId: `${obligationId}-${period[0]}`,
    kind,
    period: { from: period[0], to: period[1] },
    from,
    to,
    submittedOn,
    documentReference: `${submittedOn.slice(0, 4)}/rapport-${obligationId}-${period[0]}`,
    obligationId,
    ...(earlyReason === undefined ? {} : { earlyReason }),
  },
});

/** The overall risk assessment of the year, made by the ledergruppe early in the year it concerns. */
const overallRiskAssessment = (year: number, submittedOn: string): DemoStep =>
  report(
    'overordnet-risikovurdering',
    'overordnet-risikovurdering',
    yearly(year),
    submittedOn,
    { body: 'ledergruppen' },
    'kommunedirektoren',
    'Den overordnede risikovurderingen gjelder året som kommer, og gjøres tidlig i året.',
  );

const yearly = (year: number): [string, string] => [`${year}-01-01`, `${year}-12-31`];
const firstHalf = (year: number): [string, string] => [`${year}-01-01`, `${year}-06-30`];
const secondHalf = (year: number): [string, string] => [`${year}-07-01`, `${year}-12-31`];
const tertial = (year: number, n: 1 | 2): [string, string] =>
  n === 1 ? [`${year}-01-01`, `${year}-04-30`] : [`${year}-05-01`, `${year}-08-31`];
const quarter = (year: number, n: 1 | 2 | 3 | 4): [string, string] =>
  [
    [`${year}-01-01`, `${year}-03-31`],
    [`${year}-04-01`, `${year}-06-30`],
    [`${year}-07-01`, `${year}-09-30`],
    [`${year}-10-01`, `${year}-12-31`],
  ][n - 1] as [string, string];

/** Each director's internkontroll checklist before the styringsdialog (May and October). */
const checklists = (completedOn: string, period: [string, string]): DemoStep[] =>
  sectors.map((sector) => ({
    on: completedOn,
    caller: callers.direktor(sector),
    command: {
      type: 'CompleteInternalControlChecklist',
      unit: sector,
      period: { from: period[0], to: period[1] },
      completedOn,
      obligationId: 'internkontroll-sjekkliste',
      items: [
        { item: 'Oppgaver, mål og ansvar er beskrevet', status: 'ok' },
        { item: 'Rutiner for avvikshåndtering er kjent og i bruk', status: 'ok' },
        sector === 'helse-og-velferd' && completedOn.startsWith('2024-05')
          ? {
              item: 'Personopplysninger behandles i tråd med rutinene',
              status: 'avvik',
              comment: 'Se avvik registrert 6. mai 2024.',
            }
          : { item: 'Personopplysninger behandles i tråd med rutinene', status: 'ok' },
      ],
    },
  }));

export const reporting: readonly DemoStep[] = [
  report('arsregnskap', 'arsregnskap', yearly(2023), '2024-02-20'),
  overallRiskAssessment(2024, '2024-03-05'),
  // Late: due 31 March.
  report('arsberetning', 'arsberetning', yearly(2023), '2024-04-05'),
  report('investeringsstatus', 'investeringsstatus', quarter(2024, 1), '2024-04-10', prosjektvirksomheten),
  {
    on: '2024-05-06',
    caller: callers.virksomhetsleder('hjemmetjenesten'),
    command: {
      type: 'RecordDeviation',
      deviationId: 'avvik-2024-hjemmetjenesten-1',
      unit: 'hjemmetjenesten',
      observedOn: '2024-05-06',
      category: 'personvern',
      description: 'Helseopplysninger ble sendt med ukryptert e-post til en samarbeidspartner.',
    },
  },
  ...checklists('2024-05-15', firstHalf(2024)),
  report('okonomirapport', 'okonomirapport', tertial(2024, 1), '2024-06-05'),
  {
    on: '2024-06-28',
    caller: callers.virksomhetsleder('hjemmetjenesten'),
    command: {
      type: 'CloseDeviation',
      deviationId: 'avvik-2024-hjemmetjenesten-1',
      closedOn: '2024-06-28',
      correctiveAction: 'Sikker digital post tatt i bruk; alle ansatte har gjennomført opplæring.',
    },
  },
  // Delivered on time, but registered four weeks later, after the summer: until then the calendar showed it missing.
  {
    ...report(
      'investeringsstatus',
      'investeringsstatus',
      quarter(2024, 2),
      '2024-08-07',
      prosjektvirksomheten,
    ),
    recordedOn: '2024-09-04',
  },
  // Missing: no investment status for the third quarter of 2024 (due 14 November).
  report('okonomirapport', 'okonomirapport', tertial(2024, 2), '2024-10-09'),
  report('oppfolging-politiske-vedtak', 'oppfolging-politiske-vedtak', firstHalf(2024), '2024-10-09'),
  ...checklists('2024-10-14', secondHalf(2024)),
  // Late: due at the council meeting of 16 October.
  report('klimatiltak', 'klimatiltak', firstHalf(2024), '2024-11-20'),
  report('oppfolging-politiske-vedtak', 'oppfolging-politiske-vedtak', secondHalf(2024), '2025-02-05'),
  report('klimatiltak', 'klimatiltak', secondHalf(2024), '2025-02-05'),
  report('investeringsstatus', 'investeringsstatus', quarter(2024, 4), '2025-02-05', prosjektvirksomheten),
  report('kontrollutvalgets-arsmelding', 'kontrollutvalgets-rapport', yearly(2024), '2025-02-05', {
    body: 'kontrollutvalget',
  }),
  // Late: due 22 February.
  report('arsregnskap', 'arsregnskap', yearly(2024), '2025-02-25'),
  overallRiskAssessment(2025, '2025-03-04'),
  report('internkontroll-rapport', 'internkontroll-rapport', yearly(2024), '2025-03-12'),
  report('arsberetning', 'arsberetning', yearly(2024), '2025-03-27'),
  report('investeringsstatus', 'investeringsstatus', quarter(2025, 1), '2025-04-09', prosjektvirksomheten),
  ...checklists('2025-05-14', firstHalf(2025)),
  // Delivered 4 June, registered that day as delivered 4 July (late); corrected in October (corrections.ts).
  {
    ...report('okonomirapport', 'okonomirapport', tertial(2025, 1), '2025-07-04'),
    on: '2025-06-04',
    label: 'okonomirapport-2025-1',
  },
  report('investeringsstatus', 'investeringsstatus', quarter(2025, 2), '2025-08-06', prosjektvirksomheten),
  report('okonomirapport', 'okonomirapport', tertial(2025, 2), '2025-10-08'),
  report('oppfolging-politiske-vedtak', 'oppfolging-politiske-vedtak', firstHalf(2025), '2025-10-08'),
  report('klimatiltak', 'klimatiltak', firstHalf(2025), '2025-10-08'),
  report('investeringsstatus', 'investeringsstatus', quarter(2025, 3), '2025-10-08', prosjektvirksomheten),
  ...checklists('2025-10-13', secondHalf(2025)),
];

import type { CommandOf, Holder } from '@styring/governance';
import { callers, type DemoStep } from './demo-step';
import { sectors } from './organisation';

/**
 * The reporting calendar (årshjul) for 2024 and 2025: økonomirapporter per tertial, follow-up of political
 * decisions and climate measures twice a year, the investment portfolio's quarterly status, årsregnskap by
 * 22 February, årsberetning by 31 March, the internkontroll report, the yearly overall risk assessment and
 * the internkontroll checklists for the styringsdialoger in May and October. Two reports are late (the
 * årsberetning for 2023 and the årsregnskap for 2024) and one is missing (climate measures, second half of
 * 2025). Dates and document references are FICTITIOUS.
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
): DemoStep => ({
  on: submittedOn,
  caller: from.body === 'virksomhetsleder' ? callers.virksomhetsleder(from.unit ?? '') : callers.styv,
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
  },
});

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
  report(
    'overordnet-risikovurdering',
    'overordnet-risikovurdering',
    yearly(2024),
    '2024-03-05',
    { body: 'ledergruppen' },
    'kommunedirektoren',
  ),
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
  report('oppfolging-politiske-vedtak', 'oppfolging-politiske-vedtak', firstHalf(2024), '2024-06-12'),
  report('klimatiltak', 'klimatiltak', firstHalf(2024), '2024-06-12'),
  report('investeringsstatus', 'investeringsstatus', quarter(2024, 2), '2024-06-12', prosjektvirksomheten),
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
  report('investeringsstatus', 'investeringsstatus', quarter(2024, 3), '2024-09-11', prosjektvirksomheten),
  report('okonomirapport', 'okonomirapport', tertial(2024, 2), '2024-10-09'),
  ...checklists('2024-10-14', secondHalf(2024)),
  report('oppfolging-politiske-vedtak', 'oppfolging-politiske-vedtak', secondHalf(2024), '2024-12-11'),
  report('klimatiltak', 'klimatiltak', secondHalf(2024), '2024-12-11'),
  report('investeringsstatus', 'investeringsstatus', quarter(2024, 4), '2024-12-11', prosjektvirksomheten),
  report('internkontroll-rapport', 'internkontroll-rapport', yearly(2024), '2024-12-11'),
  report('arsregnskap', 'arsregnskap', yearly(2024), '2025-02-25'),
  report(
    'overordnet-risikovurdering',
    'overordnet-risikovurdering',
    yearly(2025),
    '2025-03-04',
    { body: 'ledergruppen' },
    'kommunedirektoren',
  ),
  report('arsberetning', 'arsberetning', yearly(2024), '2025-03-27'),
  report('investeringsstatus', 'investeringsstatus', quarter(2025, 1), '2025-04-09', prosjektvirksomheten),
  ...checklists('2025-05-14', firstHalf(2025)),
  report('okonomirapport', 'okonomirapport', tertial(2025, 1), '2025-06-04'),
  report('oppfolging-politiske-vedtak', 'oppfolging-politiske-vedtak', firstHalf(2025), '2025-06-11'),
  report('klimatiltak', 'klimatiltak', firstHalf(2025), '2025-06-11'),
  report('investeringsstatus', 'investeringsstatus', quarter(2025, 2), '2025-06-11', prosjektvirksomheten),
  report('investeringsstatus', 'investeringsstatus', quarter(2025, 3), '2025-09-10', prosjektvirksomheten),
  report('okonomirapport', 'okonomirapport', tertial(2025, 2), '2025-10-08'),
  ...checklists('2025-10-13', secondHalf(2025)),
  // No report on climate measures for the second half of 2025: the calendar shows it missing.
  report('oppfolging-politiske-vedtak', 'oppfolging-politiske-vedtak', secondHalf(2025), '2025-12-10'),
  report('investeringsstatus', 'investeringsstatus', quarter(2025, 4), '2025-12-10', prosjektvirksomheten),
  report('internkontroll-rapport', 'internkontroll-rapport', yearly(2025), '2025-12-10'),
];

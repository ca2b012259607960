import { addDays, type Goal } from '@styring/governance';
import { callers, type DemoStep, delegated, formannskapetsInnstilling, kommunestyret } from './demo-step';
import {
  direktorensFullmakt,
  kommunedirektorensFullmakt,
  type Sector,
  sectorNames,
  sectors,
} from './organisation';

/**
 * The plan hierarchy. From the policy document: the vision «Lørenskog – trygg, grønn og mangfoldig», the four
 * focus areas, the HR-strategi of 2023, the eiendomsstrategi and anskaffelsesstrategi to be adopted in 2024,
 * planstrategi 2024–2028, and the 2024 work on internkontroll and management indicators. The wording of the
 * goals and assignments, all dates, case numbers and document references are FICTITIOUS.
 */
export const samfunnsdel = 'kommuneplan-samfunnsdel-2023-2035';

const goals: readonly Goal[] = [
  {
    goalId: 'tilhorighet',
    level: 'hovedmal',
    text: 'Lørenskog – trygg, grønn og mangfoldig: alle innbyggere opplever tilhørighet og fellesskap.',
    sdgs: [10, 16],
    focusArea: 'tilhorighet-og-fellesskap',
  },
  {
    goalId: 'frivillighet',
    level: 'delmal',
    text: 'Flere innbyggere deltar i frivillig arbeid og lokale møteplasser.',
    sdgs: [16],
    focusArea: 'tilhorighet-og-fellesskap',
    mainGoalId: 'tilhorighet',
  },
  {
    goalId: 'bokvalitet',
    level: 'hovedmal',
    text: 'Gode og inkluderende bomiljøer med god bokvalitet for alle.',
    sdgs: [11],
    focusArea: 'bokvalitet-og-inkluderende-bomiljo',
  },
  {
    goalId: 'ungdom',
    level: 'hovedmal',
    text: 'En bred ungdomssatsing gir barn og unge mestring, utdanning og en meningsfull fritid.',
    sdgs: [3, 4],
    focusArea: 'bred-ungdomssatsing',
  },
  {
    goalId: 'fullfort-skole',
    level: 'delmal',
    text: 'Flere fullfører videregående opplæring.',
    sdgs: [4],
    focusArea: 'bred-ungdomssatsing',
    mainGoalId: 'ungdom',
  },
  {
    goalId: 'transport',
    level: 'hovedmal',
    text: 'Trygg og miljøvennlig transport: flere går, sykler og reiser kollektivt.',
    sdgs: [11, 13],
    focusArea: 'trygg-og-miljovennlig-transport',
  },
];

const goal = (goalId: string) => ({ planId: samfunnsdel, goalId });

const virksomhetsplanOppdrag: Readonly<Record<Sector, { text: string; goal: string }>> = {
  'oppvekst-og-utdanning': {
    text: 'Styrke tidlig innsats og oppfølging av elever som står i fare for å falle ut.',
    goal: 'fullfort-skole',
  },
  'helse-og-velferd': {
    text: 'Ta i bruk velferdsteknologi som lar flere bo trygt hjemme lenger.',
    goal: 'bokvalitet',
  },
  'teknisk-sektor': { text: 'Gjennomføre trafikksikkerhetstiltak ved skoleveiene.', goal: 'transport' },
  'kultur-og-frivillighet': {
    text: 'Etablere en frivillighetssentral med lavterskel møteplasser.',
    goal: 'frivillighet',
  },
};

const virksomhetsplan = (sector: Sector, year: number, decidedOn: string, caseNumber: string): DemoStep => ({
  on: decidedOn,
  caller: callers.direktor(sector),
  command: {
    type: 'AdoptPlan',
    planId: `virksomhetsplan-${year}-${sector}`,
    kind: 'virksomhetsplan',
    title: `Virksomhetsplan ${year} – ${sectorNames[sector]}`,
    period: { from: `${year}-01-01`, to: `${year}-12-31` },
    unit: sector,
    parentPlans: [`styringsbrev-${year}`],
    assignments: [
      {
        assignmentId: `oppdrag-${year}-${sector}`,
        text: virksomhetsplanOppdrag[sector].text,
        responsibleUnit: sector,
        goals: [goal(virksomhetsplanOppdrag[sector].goal)],
        due: `${year}-12-31`,
      },
    ],
    decision: delegated('direktor', decidedOn, caseNumber, direktorensFullmakt(sector), sector),
  },
});

/**
 * Formannskapet's innstilling to the økonomiplan and the årsbudsjett three weeks before the council (§ 14-3
 * third paragraph), laid out for public inspection the next day: 20 days before the council decides.
 */
const budgetRecommendations = (year: number, decidedOn: string, caseNumber: string): DemoStep[] => {
  const recommendedOn = addDays(decidedOn, -21);
  const laidOutOn = addDays(recommendedOn, 1);
  const recommendation = (planId: string, kind: 'okonomiplan' | 'arsbudsjett', to: string): DemoStep => ({
    on: laidOutOn,
    caller: callers.sekretariat,
    command: {
      type: 'RecommendBudget',
      planId,
      kind,
      period: { from: `${year}-01-01`, to },
      laidOutForInspectionOn: laidOutOn,
      decision: formannskapetsInnstilling(recommendedOn, caseNumber),
    },
  });
  return [
    recommendation(`okonomiplan-${year}-${year + 3}`, 'okonomiplan', `${year + 3}-12-31`),
    recommendation(`arsbudsjett-${year}`, 'arsbudsjett', `${year}-12-31`),
  ];
};

const budget = (year: number, decidedOn: string, caseNumber: string): DemoStep[] => [
  ...budgetRecommendations(year, decidedOn, caseNumber),
  {
    on: decidedOn,
    caller: callers.sekretariat,
    command: {
      type: 'AdoptPlan',
      planId: `okonomiplan-${year}-${year + 3}`,
      kind: 'okonomiplan',
      title: `Handlingsprogram med økonomiplan ${year}–${year + 3}`,
      period: { from: `${year}-01-01`, to: `${year + 3}-12-31` },
      parentPlans: [samfunnsdel],
      decision: kommunestyret(decidedOn, caseNumber, 'Kommuneloven § 14-3'),
    },
  },
  {
    on: decidedOn,
    caller: callers.sekretariat,
    command: {
      type: 'AdoptPlan',
      planId: `arsbudsjett-${year}`,
      kind: 'arsbudsjett',
      title: `Årsbudsjett ${year}`,
      period: { from: `${year}-01-01`, to: `${year}-12-31` },
      parentPlans: [`okonomiplan-${year}-${year + 3}`],
      decision: kommunestyret(decidedOn, caseNumber, 'Kommuneloven § 14-2'),
    },
  },
];

const styringsbrev = (year: number, decidedOn: string, caseNumber: string): DemoStep => ({
  on: decidedOn,
  caller: callers.kommunedirektor,
  command: {
    type: 'AdoptPlan',
    planId: `styringsbrev-${year}`,
    kind: 'styringsbrev',
    title: `Kommunedirektørens styringsbrev ${year}`,
    period: { from: `${year}-01-01`, to: `${year}-12-31` },
    parentPlans: [`arsbudsjett-${year}`],
    decision: delegated('kommunedirektoren', decidedOn, caseNumber, kommunedirektorensFullmakt),
  },
});

/** STYV's own virksomhetsplan, adopted by the kommunedirektør: the development of helhetlig styring itself. */
const styvPlan = (year: number, decidedOn: string, caseNumber: string, oppdrag: string[]): DemoStep => ({
  on: decidedOn,
  caller: callers.kommunedirektor,
  command: {
    type: 'AdoptPlan',
    planId: `virksomhetsplan-${year}-styv`,
    kind: 'virksomhetsplan',
    title: `Virksomhetsplan ${year} – Styring og virksomhetsutvikling`,
    period: { from: `${year}-01-01`, to: `${year}-12-31` },
    unit: 'styv',
    parentPlans: [`styringsbrev-${year}`],
    assignments: oppdrag.map((text, index) => ({
      assignmentId: `oppdrag-${year}-styv-${index + 1}`,
      text,
      responsibleUnit: 'styv',
      goals: [],
      due: `${year}-12-31`,
    })),
    decision: delegated('kommunedirektoren', decidedOn, caseNumber, kommunedirektorensFullmakt),
  },
});

/**
 * The day the system was taken into use (FICTITIOUS): the plans adopted before it that were still in force
 * were registered that day, so on the recorded clock they appear only then.
 */
const takenIntoUse = '2023-11-13';

export const plans: readonly DemoStep[] = [
  {
    on: '2020-05-13',
    recordedOn: takenIntoUse,
    caller: callers.sekretariat,
    command: {
      type: 'AdoptPlan',
      planId: 'trafikksikkerhetsplan-2020-2023',
      kind: 'temaplan',
      title: 'Trafikksikkerhetsplan 2020–2023',
      period: { from: '2020-01-01', to: '2023-12-31' },
      decision: kommunestyret('2020-05-13', '2020/0871'),
    },
  },
  {
    on: '2023-03-22',
    recordedOn: takenIntoUse,
    caller: callers.sekretariat,
    command: {
      type: 'AdoptPlan',
      planId: 'hr-strategi-2023',
      kind: 'strategi',
      title: 'HR-strategi – sammen mot felles mål',
      period: { from: '2023-04-01', to: '2027-12-31' },
      decision: kommunestyret('2023-03-22', '2023/0544'),
    },
  },
  {
    on: '2023-06-14',
    recordedOn: takenIntoUse,
    caller: callers.sekretariat,
    command: {
      type: 'AdoptPlan',
      planId: samfunnsdel,
      kind: 'kommuneplan-samfunnsdel',
      title: 'Kommuneplanens samfunnsdel 2023–2035: Lørenskog – trygg, grønn og mangfoldig',
      period: { from: '2023-07-01', to: '2035-12-31' },
      goals,
      decision: kommunestyret('2023-06-14', '2023/1290', 'Plan- og bygningsloven § 11-15'),
    },
  },
  ...budget(2024, '2023-12-13', '2023/4466'),
  styringsbrev(2024, '2024-01-05', '2024/0031'),
  styvPlan(2024, '2024-01-31', '2024/0209', [
    'Ferdigstille et dokument som beskriver rammene for internkontroll i Lørenskog kommune.',
    'Ta i bruk sjekklisten for internkontroll i Framsikt i rapporteringen til styringsdialogene.',
    'Vurdere oppstart av arbeidet med enkle styringsindikatorer.',
  ]),
  ...sectors.map((sector, index) => virksomhetsplan(sector, 2024, '2024-01-31', `2024/02${10 + index}`)),
  {
    on: '2024-06-19',
    caller: callers.sekretariat,
    label: 'planstrategi',
    command: {
      type: 'AdoptPlan',
      planId: 'planstrategi-2024-2028',
      kind: 'planstrategi',
      title: 'Kommunal planstrategi 2024–2028',
      period: { from: '2024-07-01', to: '2028-06-30' },
      parentPlans: [samfunnsdel],
      decision: kommunestyret('2024-06-19', '2024/1187', 'Plan- og bygningsloven § 10-1'),
    },
  },
  {
    on: '2024-06-19',
    caller: callers.sekretariat,
    command: {
      type: 'RevisePlan',
      planId: 'arsbudsjett-2024',
      title: 'Årsbudsjett 2024 (revidert etter 1. tertial)',
      decision: kommunestyret('2024-06-19', '2024/1203', 'Kommuneloven § 14-5'),
    },
  },
  {
    on: '2024-09-18',
    caller: callers.sekretariat,
    command: {
      type: 'AdoptPlan',
      planId: 'trafikksikkerhetsplan-2024-2027',
      kind: 'temaplan',
      title: 'Trafikksikkerhetsplan 2024–2027',
      period: { from: '2024-10-01', to: '2027-12-31' },
      parentPlans: [samfunnsdel],
      decision: kommunestyret('2024-09-18', '2024/1733'),
    },
  },
  {
    on: '2024-09-18',
    caller: callers.sekretariat,
    command: {
      type: 'RetirePlan',
      planId: 'trafikksikkerhetsplan-2020-2023',
      reason: 'Erstattet av trafikksikkerhetsplan 2024–2027.',
      decision: kommunestyret('2024-09-18', '2024/1733'),
    },
  },
  {
    on: '2024-10-16',
    caller: callers.sekretariat,
    command: {
      type: 'AdoptPlan',
      planId: 'eiendomsstrategi-2024',
      kind: 'strategi',
      title: 'Eiendomsstrategi: innmelding av arealbehov for formålsbygg før det besluttes å bygge nytt',
      period: { from: '2024-11-01', to: '2030-12-31' },
      parentPlans: [samfunnsdel],
      decision: kommunestyret('2024-10-16', '2024/1902'),
    },
  },
  {
    on: '2024-11-13',
    caller: callers.sekretariat,
    command: {
      type: 'AdoptPlan',
      planId: 'anskaffelsesstrategi-2024',
      kind: 'strategi',
      title: 'Anskaffelsesstrategi med ansvarsfordeling for kontraktstyring og avtaleoppfølging',
      period: { from: '2025-01-01', to: '2028-12-31' },
      parentPlans: [samfunnsdel],
      decision: kommunestyret('2024-11-13', '2024/2055'),
    },
  },
  {
    on: '2024-11-13',
    caller: callers.sekretariat,
    command: {
      type: 'AdoptPlan',
      planId: 'plan-forvaltningsrevisjon-2024-2027',
      kind: 'plan-forvaltningsrevisjon',
      title: 'Plan for forvaltningsrevisjon 2024–2027 (utarbeidet av kontrollutvalget)',
      period: { from: '2024-01-01', to: '2027-12-31' },
      decision: kommunestyret('2024-11-13', '2024/2061', 'Kommuneloven § 23-3'),
    },
  },
  ...budget(2025, '2024-12-11', '2024/2290'),
  styringsbrev(2025, '2025-01-06', '2025/0027'),
  styvPlan(2025, '2025-01-31', '2025/0219', [
    'Utarbeide de første enkle styringsindikatorene for sektorene.',
    'Evaluere bruken av sjekklisten for internkontroll etter første år.',
  ]),
  ...sectors.map((sector, index) => virksomhetsplan(sector, 2025, '2025-01-31', `2025/02${20 + index}`)),
  {
    // Kontrollutvalget changes its plan during the period, as § 23-3 lets it: its own competence.
    on: '2025-03-04',
    caller: { ...callers.sekretariat, onBehalfOf: 'kontrollutvalget' },
    command: {
      type: 'RevisePlan',
      planId: 'plan-forvaltningsrevisjon-2024-2027',
      title: 'Plan for forvaltningsrevisjon 2024–2027 (revidert: innkjøp og kontraktsoppfølging framskyndet)',
      decision: {
        body: 'kontrollutvalget',
        decidedOn: '2025-03-04',
        caseNumber: '2025/0412',
        meeting: 'Kontrollutvalgets møte 04.03.2025',
        authority: { kind: 'law', reference: 'Kommuneloven § 23-3 andre ledd' },
      },
    },
  },
  ...budget(2026, '2025-12-10', '2025/4410'),
];

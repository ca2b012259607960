import type { CommandOf } from '@styring/governance';
import { callers, type DemoStep, delegated } from './demo-step';
import { direktorensFullmakt, kommunedirektorensFullmakt, ledergruppensFullmakt } from './organisation';

/**
 * Risk: the kommune's 5×5 scale, the overall risk assessment in the ledergruppe every year (from the
 * internkontroll checklists), sector risks and a project risk, a treatment and a closed risk. The risks,
 * their scores, dates and case numbers are FICTITIOUS; the scale follows DOMAIN.md.
 */
type Assessment = Omit<CommandOf<'AssessRisk'>, 'type' | 'scaleVersion'>;

const assess = (caller: DemoStep['caller'], assessment: Assessment): DemoStep => ({
  on: assessment.assessedOn,
  caller,
  command: { type: 'AssessRisk', scaleVersion: 1, ...assessment },
});

const overall = (
  riskId: string,
  title: string,
  assessedOn: string,
  likelihood: number,
  consequence: number,
  treatment: string,
): DemoStep =>
  assess(callers.ledergruppen, {
    riskId,
    title,
    context: 'overordnet',
    likelihood,
    consequence,
    ownerUnit: 'styv',
    treatment,
    assessedOn,
    nextReview: `${Number(assessedOn.slice(0, 4)) + 1}${assessedOn.slice(4)}`,
  });

export const risk: readonly DemoStep[] = [
  {
    on: '2024-01-16',
    caller: callers.kommunedirektor,
    command: {
      type: 'AdoptRiskScale',
      scaleVersion: 1,
      likelihoodLevels: 5,
      consequenceLevels: 5,
      bands: [
        { band: 'lav', maxScore: 4 },
        { band: 'middels', maxScore: 12 },
        { band: 'hoy', maxScore: 25 },
      ],
      consequenceDimensions: ['liv-og-helse', 'miljo', 'okonomi', 'stabilitet', 'styringsevne'],
      validFrom: '2024-01-16',
      decision: delegated('kommunedirektoren', '2024-01-16', '2024/0077', kommunedirektorensFullmakt),
    },
  },
  overall(
    'internkontroll-dokumentasjon',
    'Internkontrollen er ikke dokumentert likt i alle sektorer',
    '2024-03-05',
    4,
    3,
    'Rammedokument for internkontroll og sjekkliste i Framsikt for alle ledere.',
  ),
  overall(
    'beredskap-digitale-angrep',
    'Digitale angrep setter kritiske tjenester ut av drift',
    '2024-03-05',
    3,
    5,
    'Øvelse i kriseledelsen og oppdatert kontinuitetsplan for IKT.',
  ),
  {
    on: '2024-03-12',
    caller: callers.ledergruppen,
    command: {
      type: 'DecideRiskTreatment',
      riskId: 'beredskap-digitale-angrep',
      strategy: 'redusere',
      measures: [
        'Gjennomføre beredskapsøvelse for kriseledelsen.',
        'Innføre tofaktorautentisering for alle ansatte.',
      ],
      responsibleUnit: 'styv',
      due: '2024-12-31',
      decision: delegated('ledergruppen', '2024-03-12', '2024/0470', ledergruppensFullmakt),
    },
  },
  assess(callers.direktor('helse-og-velferd'), {
    riskId: 'rekruttering-sykepleiere',
    title: 'Mangel på sykepleiere i helse og velferd',
    context: 'sektor',
    subject: 'helse-og-velferd',
    likelihood: 5,
    consequenceByDimension: [
      { dimension: 'liv-og-helse', value: 4 },
      { dimension: 'okonomi', value: 3 },
    ],
    ownerUnit: 'helse-og-velferd',
    treatment: 'Rekrutteringskampanje og kompetanseløft for helsefagarbeidere.',
    assessedOn: '2024-04-08',
    nextReview: '2024-10-08',
  }),
  {
    on: '2024-04-15',
    caller: callers.direktor('helse-og-velferd'),
    command: {
      type: 'DecideRiskTreatment',
      riskId: 'rekruttering-sykepleiere',
      strategy: 'redusere',
      measures: ['Stipendordning for sykepleierstudenter.', 'Heltidskultur: flere hele stillinger.'],
      responsibleUnit: 'helse-og-velferd',
      due: '2025-06-30',
      decision: delegated(
        'direktor',
        '2024-04-15',
        '2024/0655',
        direktorensFullmakt('helse-og-velferd'),
        'helse-og-velferd',
      ),
    },
  },
  // Registered with likelihood 3 where the assessment said 4; corrected in January 2025 (corrections.ts).
  {
    label: 'kostnad-ungdomsskole-2024',
    ...assess(callers.virksomhetsleder('prosjektvirksomheten'), {
      riskId: 'kostnad-ungdomsskole',
      title: 'Kostnadsoverskridelse for ny ungdomsskole',
      context: 'prosjekt',
      subject: 'ny-ungdomsskole-sentrum',
      likelihood: 3,
      consequence: 4,
      ownerUnit: 'prosjektvirksomheten',
      treatment: 'Usikkerhetsanalyse før anbud og reserve i prosjektbudsjettet.',
      assessedOn: '2024-09-02',
      nextReview: '2025-03-02',
    }),
  },
  assess(callers.direktor('helse-og-velferd'), {
    riskId: 'rekruttering-sykepleiere',
    title: 'Mangel på sykepleiere i helse og velferd',
    context: 'sektor',
    subject: 'helse-og-velferd',
    likelihood: 4,
    consequenceByDimension: [
      { dimension: 'liv-og-helse', value: 4 },
      { dimension: 'okonomi', value: 3 },
    ],
    ownerUnit: 'helse-og-velferd',
    treatment: 'Tiltakene virker; følges opp i styringsdialogen.',
    assessedOn: '2024-10-07',
    nextReview: '2025-04-07',
  }),
  assess(callers.direktor('teknisk-sektor'), {
    riskId: 'internkontroll-byggesak',
    title: 'Lovpålagte frister i byggesaker overskrides',
    context: 'internkontroll',
    subject: 'regulering-byggesak-geodata',
    likelihood: 3,
    consequence: 3,
    ownerUnit: 'regulering-byggesak-geodata',
    treatment: 'Digital byggesaksbehandling og ukentlig fristoppfølging.',
    assessedOn: '2024-05-13',
    nextReview: '2025-05-13',
  }),
  overall(
    'internkontroll-dokumentasjon',
    'Internkontrollen er ikke dokumentert likt i alle sektorer',
    '2025-03-04',
    2,
    3,
    'Sjekklisten er i bruk i alle sektorer; følges opp i styringsdialogene.',
  ),
  overall(
    'beredskap-digitale-angrep',
    'Digitale angrep setter kritiske tjenester ut av drift',
    '2025-03-04',
    2,
    5,
    'Tiltakene fra 2024 er gjennomført; ny øvelse høsten 2025.',
  ),
  overall(
    'okonomisk-handlingsrom',
    'Svekket økonomisk handlingsrom gir mindre rom for investeringer',
    '2025-03-04',
    4,
    4,
    'Prioritering i investeringsporteføljen og gevinstrealisering i utviklingsprosjektene.',
  ),
  {
    on: '2025-10-20',
    caller: callers.direktor('teknisk-sektor'),
    command: {
      type: 'CloseRisk',
      riskId: 'internkontroll-byggesak',
      closedOn: '2025-10-20',
      reason: 'Digital byggesaksbehandling er i drift, og fristene er overholdt i tre tertialer.',
    },
  },
];

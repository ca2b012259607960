import type { CommandOf } from '@styring/governance';
import { callers, type DemoStep, delegated, kommunestyret } from './demo-step';
import { ledergruppensFullmakt } from './organisation';

/**
 * Both portfolios: the investment portfolio, prioritized by kommunestyret and reported on quarterly by
 * Prosjektvirksomheten; the development and digitalisation portfolio, prioritized and started by the
 * ledergruppe on cases from seksjon for Utvikling og digitalisering. Every project is anchored in a need in
 * the line. The projects, needs, ranks, dates and case numbers are FICTITIOUS.
 */
type Registration = Omit<CommandOf<'RegisterProject'>, 'type'>;

const investments: readonly Registration[] = [
  {
    projectId: 'ny-ungdomsskole-sentrum',
    name: 'Ny ungdomsskole i Lørenskog sentrum',
    portfolio: 'investering',
    owningUnit: 'oppvekst-og-utdanning',
    need: 'Elevtallsveksten i sentrumsområdet gir behov for 540 nye ungdomsskoleplasser innen 2028.',
    registeredOn: '2024-02-05',
  },
  {
    projectId: 'omsorgsboliger-solheim',
    name: 'Omsorgsboliger med heldøgns tjenester',
    portfolio: 'investering',
    owningUnit: 'helse-og-velferd',
    need: 'Flere eldre trenger tilrettelagt bolig med tjenester i nærheten.',
    registeredOn: '2024-02-05',
  },
  {
    projectId: 'gang-og-sykkelvei-skolevei',
    name: 'Gang- og sykkelvei langs skoleveien',
    portfolio: 'investering',
    owningUnit: 'teknisk-sektor',
    need: 'Trafikksikkerhetsplanen peker på en utrygg skolevei uten gang- og sykkelvei.',
    registeredOn: '2024-02-05',
  },
];

const developments: readonly Registration[] = [
  {
    projectId: 'digital-byggesak',
    name: 'Digital byggesaksbehandling',
    portfolio: 'utvikling-digitalisering',
    owningUnit: 'regulering-byggesak-geodata',
    need: 'Lang saksbehandlingstid i byggesaker og mange manuelle steg.',
    registeredOn: '2024-01-22',
  },
  {
    projectId: 'internkontroll-i-framsikt',
    name: 'Sjekkliste for internkontroll i Framsikt',
    portfolio: 'utvikling-digitalisering',
    owningUnit: 'styv',
    need: 'Lederne mangler et felles verktøy for å dokumentere internkontroll til styringsdialogene.',
    registeredOn: '2024-01-22',
  },
  {
    projectId: 'velferdsteknologi-hjemmetjenesten',
    name: 'Digitalt tilsyn i hjemmetjenesten',
    portfolio: 'utvikling-digitalisering',
    owningUnit: 'hjemmetjenesten',
    need: 'Økende antall brukere i hjemmetjenesten uten tilsvarende økning i bemanning.',
    registeredOn: '2024-01-22',
  },
];

const register = (project: Registration): DemoStep => ({
  on: project.registeredOn,
  caller:
    project.portfolio === 'investering' ? callers.virksomhetsleder('prosjektvirksomheten') : callers.styv,
  command: { type: 'RegisterProject', ...project },
});

const prioritizeInvestments = (round: string, decidedOn: string, caseNumber: string, ranked: string[]) =>
  ranked.map((projectId, index): DemoStep => ({
    on: decidedOn,
    caller: callers.sekretariat,
    command: {
      type: 'PrioritizeProject',
      portfolio: 'investering',
      round,
      projectId,
      rank: index + 1,
      decision: kommunestyret(decidedOn, caseNumber),
    },
  }));

const prioritizeDevelopments = (round: string, decidedOn: string, caseNumber: string, ranked: string[]) =>
  ranked.map((projectId, index): DemoStep => ({
    on: decidedOn,
    caller: callers.ledergruppen,
    command: {
      type: 'PrioritizeProject',
      portfolio: 'utvikling-digitalisering',
      round,
      projectId,
      rank: index + 1,
      decision: delegated('ledergruppen', decidedOn, caseNumber, ledergruppensFullmakt),
    },
  }));

const investmentStatus = (
  reportedOn: string,
  health: 'gronn' | 'gul' | 'rod',
  projectId: string,
  summary: string,
): DemoStep => ({
  on: reportedOn,
  caller: callers.virksomhetsleder('prosjektvirksomheten'),
  command: {
    type: 'ReportProjectStatus',
    projectId,
    reportedOn,
    health,
    summary,
    reportedTo: 'kommunestyret',
  },
});

export const portfolios: readonly DemoStep[] = [
  ...developments.map(register),
  ...investments.map(register),
  ...prioritizeDevelopments('2024', '2024-02-13', '2024/0390', [
    'internkontroll-i-framsikt',
    'digital-byggesak',
    'velferdsteknologi-hjemmetjenesten',
  ]),
  ...prioritizeInvestments('2024', '2024-03-13', '2024/0488', [
    'ny-ungdomsskole-sentrum',
    'gang-og-sykkelvei-skolevei',
    'omsorgsboliger-solheim',
  ]),
  investmentStatus('2024-04-10', 'gronn', 'ny-ungdomsskole-sentrum', 'Forprosjekt startet; tomt avklart.'),
  investmentStatus(
    '2024-09-11',
    'gul',
    'ny-ungdomsskole-sentrum',
    'Prisstigning i markedet gir risiko for kostnadsoverskridelse.',
  ),
  investmentStatus(
    '2024-09-11',
    'gronn',
    'gang-og-sykkelvei-skolevei',
    'Reguleringsplan vedtatt; bygging våren 2025.',
  ),
  {
    on: '2024-10-22',
    caller: callers.ledergruppen,
    command: {
      type: 'CancelProject',
      projectId: 'velferdsteknologi-hjemmetjenesten',
      reason: 'Slås sammen med en interkommunal anskaffelse av velferdsteknologi.',
      decision: delegated('ledergruppen', '2024-10-22', '2024/1966', ledergruppensFullmakt),
    },
  },
  ...prioritizeDevelopments('2025', '2025-02-11', '2025/0402', [
    'digital-byggesak',
    'internkontroll-i-framsikt',
  ]),
  ...prioritizeInvestments('2025', '2025-03-12', '2025/0511', [
    'ny-ungdomsskole-sentrum',
    'omsorgsboliger-solheim',
    'gang-og-sykkelvei-skolevei',
  ]),
  investmentStatus(
    '2025-04-09',
    'gul',
    'ny-ungdomsskole-sentrum',
    'Anbud innhentet; kostnad innenfor ramme etter justering.',
  ),
  investmentStatus(
    '2025-06-11',
    'gronn',
    'gang-og-sykkelvei-skolevei',
    'Bygging pågår; ferdig til skolestart.',
  ),
  {
    on: '2025-08-15',
    caller: callers.virksomhetsleder('prosjektvirksomheten'),
    command: {
      type: 'CompleteProject',
      projectId: 'gang-og-sykkelvei-skolevei',
      completedOn: '2025-08-15',
      summary: 'Gang- og sykkelveien åpnet før skolestart.',
    },
  },
  {
    on: '2025-09-30',
    caller: callers.styv,
    command: {
      type: 'CompleteProject',
      projectId: 'digital-byggesak',
      completedOn: '2025-09-30',
      summary: 'Digital søknad og saksbehandling i drift for alle byggesaker.',
    },
  },
  {
    on: '2025-11-05',
    caller: callers.styv,
    command: {
      type: 'EvaluateProject',
      projectId: 'digital-byggesak',
      evaluatedOn: '2025-11-05',
      lessons: [
        'Tidlig involvering av saksbehandlerne ga bedre løsninger.',
        'Gevinstrealiseringen må forankres i linjen før prosjektet avsluttes.',
      ],
      documentReference: '2025/3702-4',
    },
  },
];

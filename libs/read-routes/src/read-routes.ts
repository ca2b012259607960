import { streamCategories } from '@styring/governance';
import type { ReadModelQueryName } from '@styring/nestjs';
import * as t from 'io-ts';

/** How a query-string value becomes a query option. */
export type FilterType = 'string' | 'number' | 'bigint' | 'boolean';

/**
 * Every read-model query as `GET /api/<resource>`: the path's `:params` and the listed query-string
 * filters become the query's options; `asOf`, `knownAt` and `clock` are accepted everywhere. A resource that is one
 * stream (a plan, a project, a risk, a ranking round) names it, and its reads carry the stream's revision
 * as `ETag`.
 */
export interface ReadRoute {
  readonly path: string;
  readonly query: ReadModelQueryName;
  readonly summary: string;
  readonly tag: string;
  readonly filters: Readonly<Record<string, FilterType>>;
  readonly stream?: (params: Readonly<Record<string, string>>) => string;
  /** For one resource out of a list: pick it from the answer (404 when absent). */
  readonly pick?: Pick;
}

/** One resource out of a list answer, and the codec of what it picks (for the OpenAPI response). */
export interface Pick {
  readonly select: (answer: unknown, params: Readonly<Record<string, string>>) => unknown;
  /** The codec of what it picks, from the codec of the whole answer. */
  readonly answer: (whole: t.Mixed) => t.Mixed;
}

const itemOf = (whole: t.Mixed): t.Mixed => {
  if (!(whole instanceof t.ArrayType)) throw new Error(`${whole.name}: an item is picked from a list only`);
  return whole.type as t.Mixed;
};

const pickLatest: Pick = {
  select: (answer) =>
    Array.isArray(answer) && answer.length > 0 ? { current: answer.at(-1), versions: answer } : undefined,
  answer: (whole) => t.type({ current: itemOf(whole), versions: whole }),
};

const byField = (field: string, param: string): Pick => ({
  select: (answer, params) =>
    Array.isArray(answer)
      ? (answer as Record<string, unknown>[]).find((row) => row[field] === params[param])
      : undefined,
  answer: itemOf,
});

/** A query that answers one resource or `null`: the resource, 404 for `null`. */
const present: Pick = {
  select: (answer) => answer ?? undefined,
  answer: (whole) =>
    whole instanceof t.UnionType
      ? ((whole.types as t.Mixed[]).find((type) => type !== t.null) ?? whole)
      : whole,
};

const s = streamCategories;
// The filters of the projections' shared query types (PlanQuery, RiskQuery), used by each view over them.
const decisionDates = { from: 'string', to: 'string' } as const;
const planFilters = { kind: 'string', unit: 'string' } as const;
const riskFilters = { context: 'string', ownerUnit: 'string', band: 'string' } as const;

// Fixed paths come before the ones with a `:param` in the same place, so `plans/in-force` is not a plan id.
export const readRoutes: readonly ReadRoute[] = [
  {
    path: 'decision-log',
    query: 'DecisionLog',
    summary: 'Vedtaksloggen: hvem vedtok hva, når, i hvilket organ og med hvilken hjemmel',
    tag: 'vedtak',
    filters: {
      body: 'string',
      kind: 'string',
      unit: 'string',
      actor: 'string',
      ...decisionDates,
      caseNumber: 'string',
      delegationId: 'string',
      limit: 'number',
      afterPosition: 'bigint',
    },
  },
  {
    path: 'change-log',
    query: 'ChangeLog',
    summary: 'Endringsloggen: korrigerte felter med gammel og ny verdi',
    tag: 'korrigeringer',
    filters: { correctedEventId: 'string', correctedEventType: 'string', actor: 'string' },
  },
  {
    path: 'plans',
    query: 'PlanRegister',
    summary: 'Planregisteret',
    tag: 'planer',
    filters: planFilters,
  },
  {
    path: 'plans/in-force',
    query: 'PlansInForce',
    summary: 'Planer i kraft på dagen asOf',
    tag: 'planer',
    filters: planFilters,
  },
  {
    path: 'plans/hierarchy',
    query: 'PlanHierarchy',
    summary: 'Planhierarkiet',
    tag: 'planer',
    filters: planFilters,
  },
  {
    path: 'plans/:planId',
    query: 'PlanVersions',
    summary: 'Én plan: gjeldende versjon og alle versjoner',
    tag: 'planer',
    filters: {},
    stream: ({ planId }) => `${s.plan}-${planId}`,
    pick: pickLatest,
  },
  {
    path: 'goals',
    query: 'PlanGoals',
    summary: 'Mål i planene',
    tag: 'planer',
    filters: { ...planFilters, planId: 'string', focusArea: 'string' },
  },
  {
    path: 'projects',
    query: 'ProjectRegister',
    summary: 'Prosjektregisteret (begge porteføljer)',
    tag: 'prosjekter',
    filters: { portfolio: 'string', owningUnit: 'string', status: 'string' },
  },
  {
    path: 'projects/:projectId',
    query: 'ProjectRegister',
    summary: 'Ett prosjekt',
    tag: 'prosjekter',
    filters: {},
    stream: ({ projectId }) => `${s.project}-${projectId}`,
    pick: byField('projectId', 'projectId'),
  },
  {
    path: 'portfolios/:portfolio/rounds/:round',
    query: 'PortfolioRanking',
    summary: 'Prioriteringen i én runde av en portefølje',
    tag: 'prosjekter',
    filters: {},
    stream: ({ portfolio, round }) => `${s.ranking}-${portfolio}-${round}`,
  },
  {
    path: 'prioritizations',
    query: 'PrioritizationHistory',
    summary: 'Historikken over prioriteringer',
    tag: 'prosjekter',
    filters: { portfolio: 'string', round: 'string', projectId: 'string' },
  },
  {
    path: 'risks',
    query: 'RiskRegister',
    summary: 'Risikoregisteret',
    tag: 'risiko',
    filters: { ...riskFilters, includeClosed: 'boolean' },
  },
  {
    path: 'risks/matrix',
    query: 'RiskMatrix',
    summary: 'Risikomatrisen 5×5',
    tag: 'risiko',
    filters: riskFilters,
  },
  {
    path: 'risks/overdue-reviews',
    query: 'OverdueRiskReviews',
    summary: 'Risikoer med forfalt revurdering på dagen asOf',
    tag: 'risiko',
    filters: riskFilters,
  },
  {
    path: 'risks/:riskId',
    query: 'RiskHistory',
    summary: 'Én risiko: alle vurderinger',
    tag: 'risiko',
    filters: {},
    stream: ({ riskId }) => `${s.risk}-${riskId}`,
  },
  {
    path: 'reports',
    query: 'ReportSubmissions',
    summary: 'Leverte rapporter',
    tag: 'rapportering',
    filters: { obligationId: 'string', kind: 'string' },
  },
  {
    path: 'reporting-calendar',
    query: 'ReportingCalendar',
    summary: 'Årshjulet for et år: hva skulle leveres, og ble det levert i tide?',
    tag: 'rapportering',
    filters: { year: 'number', obligationId: 'string' },
  },
  {
    path: 'delegations/in-force',
    query: 'DelegationsInForce',
    summary: 'Delegeringer i kraft på dagen asOf',
    tag: 'delegering',
    filters: {},
  },
  {
    path: 'delegations/decisions',
    query: 'DecisionsUnderDelegations',
    summary: 'Vedtak fattet under hver delegering',
    tag: 'delegering',
    filters: { delegationId: 'string', ...decisionDates },
  },
  {
    path: 'decisions-without-authority',
    query: 'DecisionsWithoutAuthority',
    summary: 'Vedtak der hjemmelen ikke holdt',
    tag: 'delegering',
    filters: decisionDates,
  },
  {
    path: 'changes',
    query: 'Changes',
    summary:
      'Hva som endret seg mellom to registreringstidspunkter: nye vedtak, korrigeringer og statusendringer i registrene',
    tag: 'korrigeringer',
    filters: { from: 'string', to: 'string' },
  },
  {
    path: 'internal-control-checklists',
    query: 'InternalControlChecklists',
    summary: 'Sjekklister for internkontroll: hva ble kontrollert, av hvem, når og med hvilket utfall',
    tag: 'internkontroll',
    filters: { unit: 'string', from: 'string', to: 'string', withAvvik: 'boolean' },
  },
  {
    path: 'deviations',
    query: 'AvvikRegister',
    summary: 'Avviksregisteret: åpne og lukkede avvik, og dager til lukking',
    tag: 'internkontroll',
    filters: { status: 'string', unit: 'string', category: 'string' },
  },
  {
    path: 'deviations/by-unit',
    query: 'AvvikByUnit',
    summary: 'Avvik per enhet: åpne, lukkede og gjennomsnittlig antall dager til lukking',
    tag: 'internkontroll',
    filters: { unit: 'string', category: 'string' },
  },
  {
    path: 'risks/:riskId/treatments',
    query: 'RiskTreatments',
    summary: 'Én risiko: alle tiltaksvedtak og lukkinger',
    tag: 'risiko',
    filters: {},
    stream: ({ riskId }) => `${s.risk}-${riskId}`,
  },
  {
    path: 'assignments',
    query: 'PlanAssignments',
    summary: 'Oppdrag i planene: ansvarlig enhet, frist og målene de skal nå',
    tag: 'planer',
    filters: { ...planFilters, planId: 'string', responsibleUnit: 'string' },
  },
  {
    path: 'projects/:projectId/folder',
    query: 'ProjectFolder',
    summary: 'Prosjektmappen: vedtak, statusrapporter med helse, risikoer, kontrakter og evaluering',
    tag: 'prosjekter',
    filters: {},
    stream: ({ projectId }) => `${s.project}-${projectId}`,
    pick: present,
  },
  {
    path: 'supervisions',
    query: 'Supervisions',
    summary: 'Statlige tilsyn: tilsynsmyndighet, tema, enhet, funn og avslutning',
    tag: 'tilsyn',
    filters: { unit: 'string', status: 'string' },
  },
  {
    path: 'units',
    query: 'OrganizationUnits',
    summary: 'Enhetene i organisasjonen: opprettet, nedlagt, overordnet enhet og sektor',
    tag: 'organisasjon',
    filters: { kind: 'string', status: 'string' },
  },
  {
    path: 'units/:unit',
    query: 'OrganizationUnits',
    summary: 'Én enhet: når og ved hvilket vedtak den ble opprettet og nedlagt, overordnet enhet og sektor',
    tag: 'organisasjon',
    filters: {},
    stream: () => s.organisation,
    pick: byField('unit', 'unit'),
  },
  {
    path: 'delegations',
    query: 'DelegationRegister',
    summary: 'Delegeringsregisteret: alle delegeringer, også tilbakekalte, med hjemmelskjede og vedtak',
    tag: 'delegering',
    filters: {},
  },
  {
    path: 'delegations/:delegationId',
    query: 'DelegationRegister',
    summary: 'Én delegering: hjemmelskjeden, tilbakekalling og vedtakene fattet under den',
    tag: 'delegering',
    filters: {},
    stream: ({ delegationId }) => `${s.delegation}-${delegationId}`,
    pick: byField('delegationId', 'delegationId'),
  },
  {
    path: 'procurements',
    query: 'ProcurementRegister',
    summary:
      'Anskaffelser og kontrakter: terskel, ansvarlig enhet, kontraktsverdi mot delegeringens beløpsgrense og oppfølgingsansvar',
    tag: 'anskaffelser',
    filters: { status: 'string' },
  },
  {
    path: 'companies',
    query: 'CompanyRegister',
    summary: 'Eierskapsregisteret: selskaper kommunen eier, eierandel og når eierskapet startet og sluttet',
    tag: 'eierstyring',
    filters: { status: 'string', companyForm: 'string' },
  },
  {
    path: 'ownership-reports',
    query: 'OwnershipReports',
    summary: 'Vedtatte eierskapsmeldinger',
    tag: 'eierstyring',
    filters: {},
  },
];

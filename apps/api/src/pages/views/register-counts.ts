import type { PageContext } from '../page-context';

/** One register as the start page counts it: its name, what it holds at the page's time, and its page. */
export interface RegisterCount {
  readonly name: string;
  /** The count in words, with what matters most beside it (`3 tilbakekalt`). */
  readonly text: string;
  readonly path?: string;
}

const of = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * Every register counted from its own query at the page's point in time (never from the whole event log);
 * the decision log the start page has read already.
 */
export const registerCounts = async (
  context: PageContext,
  decisions: readonly unknown[],
): Promise<RegisterCount[]> => {
  const [
    units,
    delegations,
    withoutAuthority,
    plans,
    projects,
    procurements,
    companies,
    ownershipReports,
    risks,
    submissions,
    checklists,
    avvik,
    supervisions,
    corrections,
  ] = await Promise.all([
    context.read('OrganizationUnits'),
    context.readOnDay('DelegationRegister'),
    context.read('DecisionsWithoutAuthority'),
    context.read('PlanRegister'),
    context.read('ProjectRegister'),
    context.read('ProcurementRegister'),
    context.read('CompanyRegister'),
    context.read('OwnershipReports'),
    context.read('RiskRegister'),
    context.read('ReportSubmissions'),
    context.read('InternalControlChecklists'),
    context.readOnDay('AvvikRegister'),
    context.read('Supervisions'),
    context.read('ChangeLog'),
  ]);
  const revoked = delegations.filter((delegation) => delegation.revoked !== undefined).length;
  const open = avvik.filter((entry) => entry.status === 'open').length;
  const openSupervisions = supervisions.filter((supervision) => supervision.closed === undefined).length;
  return [
    {
      name: 'Organisasjon (enheter)',
      text: `${of(units.length, 'enhet', 'enheter')}, ${units.filter((unit) => unit.status === 'aktiv').length} aktive`,
    },
    {
      name: 'Delegeringer',
      text: `${of(delegations.length, 'delegering', 'delegeringer')}, ${revoked} tilbakekalt`,
      path: '/revisjon/delegeringer',
    },
    {
      name: 'Vedtak',
      text: `${decisions.length} vedtak, ${withoutAuthority.length} uten gyldig hjemmel`,
      path: '/revisjon/vedtak',
    },
    { name: 'Planer', text: of(plans.length, 'plan', 'planer'), path: '/revisjon/planer' },
    {
      name: 'Prosjekter',
      text: `${of(projects.length, 'prosjekt', 'prosjekter')}, ${projects.filter((project) => project.status === 'aktiv').length} aktive`,
      path: '/revisjon/prosjekter',
    },
    {
      name: 'Anskaffelser og kontrakter',
      text: `${of(procurements.length, 'anskaffelse', 'anskaffelser')}, ${of(procurements.filter((entry) => entry.contract !== undefined).length, 'kontrakt', 'kontrakter')}`,
      path: '/revisjon/anskaffelser',
    },
    {
      name: 'Eide selskaper og eierskapsmeldinger',
      text: `${of(companies.length, 'selskap', 'selskaper')}, ${of(ownershipReports.length, 'eierskapsmelding', 'eierskapsmeldinger')}`,
      path: '/revisjon/selskaper',
    },
    { name: 'Risikoer', text: of(risks.length, 'risiko', 'risikoer'), path: '/revisjon/risiko' },
    {
      name: 'Rapporter (årshjul)',
      text: of(submissions.length, 'levert rapport', 'leverte rapporter'),
      path: '/revisjon/arshjul',
    },
    {
      name: 'Internkontroll',
      text: `${of(checklists.length, 'sjekkliste', 'sjekklister')}, ${avvik.length} avvik (${open} åpne)`,
      path: '/revisjon/internkontroll',
    },
    {
      name: 'Statlige tilsyn',
      text: `${supervisions.length} tilsyn, ${openSupervisions} åpne`,
      path: '/revisjon/tilsyn',
    },
    {
      name: 'Korrigeringer',
      text: of(corrections.length, 'korrigert felt', 'korrigerte felt'),
      path: '/revisjon/endringer',
    },
  ];
};

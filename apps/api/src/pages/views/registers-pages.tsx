import { Empty, UnitName } from '../components';
import { bodyName, dateNo, planKindName, portfolioName } from '../format';
import type { BuiltPage, PageContext } from '../page-context';

const planStatus: Readonly<Record<string, string>> = { vedtatt: 'Vedtatt', opphevet: 'Opphevet' };
const projectStatus: Readonly<Record<string, string>> = {
  aktiv: 'Aktiv',
  avsluttet: 'Avsluttet',
  avbrutt: 'Avbrutt',
};
const health: Readonly<Record<string, { text: string; className: string }>> = {
  gronn: { text: 'Grønn', className: 'holds' },
  gul: { text: 'Gul', className: 'late' },
  rod: { text: 'Rød', className: 'fails' },
};

/** The plan register: each plan with kind, period, status, version and the decision that adopted it. */
export const plansPage = async (context: PageContext): Promise<BuiltPage> => {
  const plans = await context.read('PlanRegister');
  const names = (await context.overview()).unitNames;
  return {
    title: 'Planer',
    body:
      plans.length === 0 ? (
        <Empty>Ingen planer på dette tidspunktet.</Empty>
      ) : (
        <table>
          <caption>Planregisteret ({plans.length} planer)</caption>
          <thead>
            <tr>
              <th scope="col">Plan</th>
              <th scope="col">Type</th>
              <th scope="col">Periode</th>
              <th scope="col">Enhet</th>
              <th scope="col">Status</th>
              <th scope="col">Versjon</th>
              <th scope="col">Vedtatt av</th>
            </tr>
          </thead>
          <tbody>
            {plans.map((plan) => (
              <tr>
                <td>{plan.title}</td>
                <td>{planKindName(plan.kind)}</td>
                <td>
                  {dateNo(plan.period.from)}–{dateNo(plan.period.to)}
                </td>
                <td>
                  <UnitName slug={plan.unit} names={names} />
                </td>
                <td>
                  {planStatus[plan.status] ?? plan.status}
                  {plan.adoptedLate ? <span class="late"> (vedtatt for sent)</span> : null}
                </td>
                <td class="num">{plan.version}</td>
                <td>
                  {bodyName(plan.adoptedBy.body)} {dateNo(plan.adoptedBy.decidedOn)} (
                  {plan.adoptedBy.caseNumber})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ),
  };
};

/** The project register: portfolio, owner, status, latest health and the decisions about each project. */
export const projectsPage = async (context: PageContext): Promise<BuiltPage> => {
  const projects = await context.read('ProjectRegister');
  const names = (await context.overview()).unitNames;
  return {
    title: 'Prosjekter',
    body:
      projects.length === 0 ? (
        <Empty>Ingen prosjekter på dette tidspunktet.</Empty>
      ) : (
        <table>
          <caption>Prosjektene ({projects.length})</caption>
          <thead>
            <tr>
              <th scope="col">Prosjekt</th>
              <th scope="col">Portefølje</th>
              <th scope="col">Eier</th>
              <th scope="col">Status</th>
              <th scope="col">Siste helse</th>
              <th scope="col">Vedtak</th>
            </tr>
          </thead>
          <tbody>
            {projects.map((project) => (
              <tr>
                <td>
                  {project.name}
                  <div class="muted">Registrert {dateNo(project.registeredOn)}</div>
                </td>
                <td>{portfolioName(project.portfolio)}</td>
                <td>
                  <UnitName slug={project.owningUnit} names={names} />
                </td>
                <td>{projectStatus[project.status] ?? project.status}</td>
                <td>
                  {project.latestHealth === undefined ? (
                    '–'
                  ) : (
                    <>
                      <span class={health[project.latestHealth.health]?.className}>
                        {health[project.latestHealth.health]?.text ?? project.latestHealth.health}
                      </span>{' '}
                      {dateNo(project.latestHealth.reportedOn)}: {project.latestHealth.summary}
                    </>
                  )}
                </td>
                <td>
                  <ul>
                    {project.decisions.map((decision) => (
                      <li>
                        {bodyName(decision.body)} {dateNo(decision.decidedOn)} ({decision.caseNumber})
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ),
  };
};

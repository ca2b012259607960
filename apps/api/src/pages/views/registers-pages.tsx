import { Empty, UnitName, Head } from '../components';
import { bodyName, dateNo, planKindName, portfolioName } from '../format';
import type { PlanVersion } from '@styring/projections';
import type { BuiltPage, PageContext } from '../page-context';
import { hrefAt, type PageTime } from '../page-time';
import { Health, projectStatusName } from './project-folder-page';

const planStatus: Readonly<Record<string, string>> = { vedtatt: 'Vedtatt', opphevet: 'Opphevet' };
/** One plan of the tree with the plans under it; a plan reached twice (two parents) is shown under each. */
const PlanBranch = (props: {
  id: string;
  nodes: ReadonlyMap<string, { plan: PlanVersion; children: readonly string[] }>;
  gaps: ReadonlySet<string>;
  seen: readonly string[];
  time: PageTime;
}) => {
  const node = props.nodes.get(props.id);
  if (node === undefined || props.seen.includes(props.id)) return null;
  const { plan } = node;
  return (
    <li>
      <strong>
        <a href={hrefAt(`/revisjon/planer/${encodeURIComponent(plan.planId)}/tidslinje`, props.time)}>
          {plan.title}
        </a>
      </strong>{' '}
      ({planKindName(plan.kind)}, {dateNo(plan.period.from)}–{dateNo(plan.period.to)},{' '}
      {(planStatus[plan.status] ?? plan.status).toLowerCase()}, versjon {plan.version})
      {props.gaps.has(plan.planId) ? <span class="fails"> Utløpt og ikke erstattet</span> : null}
      {node.children.length === 0 ? null : (
        <ul>
          {node.children.map((child) => (
            <PlanBranch
              id={child}
              nodes={props.nodes}
              gaps={props.gaps}
              seen={[...props.seen, props.id]}
              time={props.time}
            />
          ))}
        </ul>
      )}
    </li>
  );
};

/**
 * Plans whose period ended by the page's day with no plan of the same kind (and unit) in force that day:
 * a gap in the chain from planstrategi to virksomhetsplan.
 */
const gapsOn = (plans: readonly PlanVersion[], day: string): Set<string> => {
  const inForce = (plan: PlanVersion) =>
    plan.status === 'vedtatt' && plan.period.from <= day && day <= plan.period.to;
  return new Set(
    plans
      .filter((plan) => plan.status === 'vedtatt' && plan.period.to < day)
      .filter(
        (plan) =>
          !plans.some((other) => other.kind === plan.kind && other.unit === plan.unit && inForce(other)),
      )
      .map((plan) => plan.planId),
  );
};

/**
 * The plans as a tree (planstrategi → kommuneplan → temaplaner → økonomiplan → styringsbrev →
 * virksomhetsplaner) with gaps flagged, then the register: kind, period, status, version, who adopted each.
 */
export const plansPage = async (context: PageContext): Promise<BuiltPage> => {
  const hierarchy = await context.read('PlanHierarchy');
  const plans = hierarchy.plans.map((node) => node.plan);
  const nodes = new Map(hierarchy.plans.map((node) => [node.plan.planId, node]));
  const gaps = gapsOn(plans, context.day.slice(0, 10));
  const names = (await context.overview()).unitNames;
  return {
    title: 'Planer',
    body:
      plans.length === 0 ? (
        <Empty>Ingen planer på dette tidspunktet.</Empty>
      ) : (
        <>
          <h2>Plantreet</h2>
          <p>
            {gaps.size === 0
              ? `Ingen planer er utløpt uten å være erstattet per ${dateNo(context.day)}.`
              : `${gaps.size} ${gaps.size === 1 ? 'plan' : 'planer'} er utløpt og ikke erstattet per ${dateNo(context.day)}.`}
          </p>
          <ul class="tree">
            {hierarchy.roots.map((id) => (
              <PlanBranch id={id} nodes={nodes} gaps={gaps} seen={[]} time={context.time} />
            ))}
          </ul>
          <h2>Planregisteret</h2>
          <table>
            <caption>Planregisteret ({plans.length} planer)</caption>
            <Head columns={['Plan', 'Type', 'Periode', 'Enhet', 'Status', 'Versjon', 'Vedtatt av']} />
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
        </>
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
          <Head columns={['Prosjekt', 'Portefølje', 'Eier', 'Status', 'Siste helse', 'Vedtak']} />
          <tbody>
            {projects.map((project) => (
              <tr>
                <td>
                  <a
                    href={hrefAt(
                      `/revisjon/prosjekter/${encodeURIComponent(project.projectId)}`,
                      context.time,
                    )}
                  >
                    {project.name}
                  </a>
                  <div class="muted">Registrert {dateNo(project.registeredOn)}</div>
                </td>
                <td>{portfolioName(project.portfolio)}</td>
                <td>
                  <UnitName slug={project.owningUnit} names={names} />
                </td>
                <td>{projectStatusName[project.status] ?? project.status}</td>
                <td>
                  {project.latestHealth === undefined ? (
                    '–'
                  ) : (
                    <>
                      <Health health={project.latestHealth.health} />{' '}
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

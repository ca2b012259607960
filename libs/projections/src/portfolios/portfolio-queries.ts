import type { ReadModelReader } from '../read-models/read-model-reader';
import { Portfolio } from '@styring/governance';
import { oneOf } from '../closed-filter';
import { decisionOf, type DecisionRow, type DecisionSummary } from '../governance/decision-columns';
import {
  type Prioritization,
  type ProjectEntry,
  type ProjectStatus,
  projectStatusAnswer,
  type RankedProject,
} from './portfolio-answers';
import { type PointInTime, type ResolvedPointInTime, resolvePointInTime } from '../point-in-time';
import { groupBy } from '../group-by';
import { Where } from '../sqlite/where';
import { rowsInEffectOrder } from '../sqlite/state-rows';

const projectStatuses = Object.keys(projectStatusAnswer.keys) as ProjectStatus[];
const portfolios = Object.keys(Portfolio.keys) as readonly Portfolio[];

interface ProjectRow extends DecisionRow {
  readonly project_id: string;
  readonly event_type: string;
  readonly on_date: string;
  readonly name: string | null;
  readonly portfolio: string | null;
  readonly owning_unit: string | null;
  readonly need: string | null;
  readonly description: string | null;
  readonly health: string | null;
  readonly summary: string | null;
  readonly reported_to: string | null;
}

interface RankingRow extends DecisionRow {
  readonly event_id: string;
  readonly position: bigint;
  readonly known_from: string;
  readonly portfolio: string;
  readonly round: string;
  readonly project_id: string;
  readonly rank: bigint;
}

const toPrioritization = (row: RankingRow): Prioritization => ({
  portfolio: row.portfolio,
  round: row.round,
  projectId: row.project_id,
  rank: Number(row.rank),
  decision: decisionOf(row) as DecisionSummary,
  eventId: row.event_id,
  globalPosition: row.position,
  knownFrom: row.known_from,
});

const STATUS_REPORTED = 'ProjectStatusReported';

/**
 * A project's register entry after one more of its rows (in effect order); rows before its registration
 * do not count.
 */
const withRow = (project: ProjectEntry | undefined, row: ProjectRow): ProjectEntry | undefined => {
  if (row.event_type === 'ProjectRegistered') {
    return {
      projectId: row.project_id,
      name: row.name ?? '',
      portfolio: row.portfolio ?? '',
      owningUnit: row.owning_unit ?? '',
      need: row.need ?? '',
      ...(row.description === null ? {} : { description: row.description }),
      registeredOn: row.on_date,
      status: 'aktiv',
      decisions: [],
    };
  }
  if (project === undefined) return undefined;
  if (row.event_type === STATUS_REPORTED) {
    return {
      ...project,
      latestHealth: {
        health: row.health ?? '',
        reportedOn: row.on_date,
        summary: row.summary ?? '',
        reportedTo: row.reported_to ?? '',
      },
    };
  }
  if (row.event_type === 'ProjectCompleted')
    return { ...project, status: 'avsluttet', closedOn: row.on_date };
  if (row.event_type === 'ProjectCancelled') {
    const decision = decisionOf(row);
    return {
      ...project,
      status: 'avbrutt',
      closedOn: row.on_date,
      decisions: decision === undefined ? project.decisions : [...project.decisions, decision],
    };
  }
  return project;
};

const rankingsWhere = (pointInTime: ResolvedPointInTime, filter: { portfolio?: string; round?: string }) =>
  new Where()
    .stateAt(pointInTime, 'portfolio_rankings')
    .and('portfolio_rankings.portfolio = ?', filter.portfolio)
    .and('portfolio_rankings.round = ?', filter.round);

/** Every project as it stood, folded row by row as the rows come. */
const projectsAt = async (
  reader: ReadModelReader,
  pointInTime: ResolvedPointInTime,
  /** One project's rows alone (a project folder): read through the project index, not the whole table. */
  projectId?: string,
): Promise<Map<string, ProjectEntry>> => {
  // By the project's first row, as the register has always listed them; undefined until it is registered.
  const folded = new Map<string, ProjectEntry | undefined>();
  const where = new Where()
    .stateAt(pointInTime, 'portfolio_project_events')
    .and('portfolio_project_events.project_id = ?', projectId);
  // Of a project's status reports only the latest can count (a later registration resets the health,
  // nothing else reads it), so the database drops the others: they are most of a long history's rows.
  await reader.forEachRow<ProjectRow>(
    `SELECT * FROM (
       SELECT *, CASE WHEN event_type = '${STATUS_REPORTED}' THEN row_number() OVER (
         PARTITION BY project_id, event_type = '${STATUS_REPORTED}' ORDER BY effective_from DESC, position DESC
       ) END AS newer_reports
       FROM portfolio_project_events ${where}
     ) AS project_rows WHERE newer_reports IS NULL OR newer_reports = 1
     ORDER BY effective_from, position`,
    where.params,
    (row) => void folded.set(row.project_id, withRow(folded.get(row.project_id), row)),
  );
  const prioritizations = (
    await rowsInEffectOrder<RankingRow>(
      reader,
      'portfolio_rankings',
      rankingsWhere(pointInTime, {}).and('portfolio_rankings.project_id = ?', projectId),
    )
  ).map(toPrioritization);
  const prioritizationsOf = groupBy(prioritizations, (prioritization) => prioritization.projectId);
  const projects = new Map<string, ProjectEntry>();
  for (const [projectId, project] of folded) {
    if (project === undefined) continue;
    const decided = (prioritizationsOf.get(projectId) ?? []).map((prioritization) => prioritization.decision);
    projects.set(projectId, { ...project, decisions: [...decided, ...project.decisions] });
  }
  return projects;
};

export interface ProjectRegisterQuery extends PointInTime {
  readonly portfolio?: string;
  readonly owningUnit?: string;
  readonly status?: ProjectStatus;
}

/** One project of the register at the point in time (undefined when it was not registered by then). */
export const projectAt = async (
  reader: ReadModelReader,
  query: PointInTime & { readonly projectId: string },
): Promise<ProjectEntry | undefined> =>
  (await projectsAt(reader, resolvePointInTime(query), query.projectId)).get(query.projectId);

/** The project register at `asOf`: every project with its status, latest health and deciding decisions. */
export const projectRegister = async (
  reader: ReadModelReader,
  query: ProjectRegisterQuery = {},
): Promise<ProjectEntry[]> => {
  oneOf('portfolio', query.portfolio, portfolios);
  oneOf('status', query.status, projectStatuses);
  return [...(await projectsAt(reader, resolvePointInTime(query))).values()].filter(
    (project) =>
      (query.portfolio === undefined || project.portfolio === query.portfolio) &&
      (query.owningUnit === undefined || project.owningUnit === query.owningUnit) &&
      (query.status === undefined || project.status === query.status),
  );
};

export interface RankingQuery extends PointInTime {
  readonly portfolio: string;
  readonly round: string;
}

/**
 * A portfolio's ranked projects in one round at `asOf`: each project's latest rank in the round (a later
 * prioritization of the same project replaces the earlier), lowest rank first.
 */
export const portfolioRanking = async (
  reader: ReadModelReader,
  query: RankingQuery,
): Promise<RankedProject[]> => {
  oneOf('portfolio', query.portfolio, portfolios);
  const pointInTime = resolvePointInTime(query);
  const where = rankingsWhere(pointInTime, query);
  const latest = await reader.select<RankingRow>(
    `SELECT * FROM (
         SELECT *, row_number() OVER (PARTITION BY project_id ORDER BY effective_from DESC, position DESC) AS newest
         FROM portfolio_rankings ${where}
       ) AS ranked WHERE newest = 1 ORDER BY rank, position`,
    where.params,
  );
  const projects = await projectsAt(reader, pointInTime);
  return latest.map((row) => {
    const project = projects.get(row.project_id);
    return { ...toPrioritization(row), ...(project === undefined ? {} : { project }) };
  });
};

export interface PrioritizationHistoryQuery extends PointInTime {
  readonly portfolio?: string;
  readonly round?: string;
  readonly projectId?: string;
}

/**
 * Every prioritization decision in order: on the recorded clock those recorded by `asOf` as they read
 * then; on the effective clock those decided by `asOf` as they read now.
 */
export const prioritizationHistory = async (
  reader: ReadModelReader,
  query: PrioritizationHistoryQuery = {},
): Promise<Prioritization[]> => {
  const where = new Where()
    .historyAt(resolvePointInTime(query), 'portfolio_rankings')
    .and('portfolio_rankings.portfolio = ?', oneOf('portfolio', query.portfolio, portfolios))
    .and('portfolio_rankings.round = ?', query.round)
    .and('portfolio_rankings.project_id = ?', query.projectId);
  return (await rowsInEffectOrder<RankingRow>(reader, 'portfolio_rankings', where)).map(toPrioritization);
};

import type { ReadModelReader } from '../read-models/read-model-reader';
import type * as t from 'io-ts';
import { decisionOf, type DecisionRow } from '../governance/decision-columns';
import { type PointInTime, resolvePointInTime } from '../point-in-time';
import { prioritizationHistory, projectAt } from '../portfolios/portfolio-queries';
import { risksOfSubject } from '../risk-register/risk-register-queries';
import { Where } from '../sqlite/where';
import { rowsInEffectOrder } from '../sqlite/state-rows';
import type { projectFolderAnswer, projectFolderEntry } from './project-folder-answers';

type Folder = t.TypeOf<typeof projectFolderEntry>;

export interface ProjectFolderQuery extends PointInTime {
  readonly projectId: string;
}

interface StatusRow {
  readonly event_id: string;
  readonly position: bigint;
  readonly known_from: string;
  readonly on_date: string;
  readonly health: string | null;
  readonly summary: string | null;
  readonly reported_to: string | null;
}

interface ProcurementRow {
  readonly procurement_id: string;
  readonly title: string;
  readonly estimated_value_nok: bigint;
  readonly responsible_unit: string;
  readonly registered_on: string;
}

interface ContractRow extends DecisionRow {
  readonly procurement_id: string;
  readonly event_type: string;
  readonly supplier: string | null;
  readonly contract_value_nok: bigint | null;
  readonly period_from: string | null;
  readonly period_to: string | null;
  readonly follow_up_owner: string;
}

interface EvaluationRow {
  readonly evaluated_on: string;
  readonly lessons: string;
  readonly document_reference: string | null;
}

/** The supplier, value and period an award row records. */
const awardTerms = (award: ContractRow) => ({
  ...(award.supplier === null ? {} : { supplier: award.supplier }),
  ...(award.contract_value_nok === null ? {} : { contractValueNok: Number(award.contract_value_nok) }),
  ...(award.period_from === null || award.period_to === null
    ? {}
    : { contractPeriod: { from: award.period_from, to: award.period_to } }),
});

/** A procurement's contract: the award, with the follow-up owner as last assigned. */
const contractOf = (
  procurement: ProcurementRow,
  events: readonly ContractRow[],
): Folder['contracts'][number] => {
  const award = events.find((row) => row.event_type === 'ContractAwarded');
  const followUp = events.at(-1);
  const decision = award === undefined ? undefined : decisionOf(award);
  return {
    procurementId: procurement.procurement_id,
    title: procurement.title,
    estimatedValueNok: Number(procurement.estimated_value_nok),
    responsibleUnit: procurement.responsible_unit,
    registeredOn: procurement.registered_on,
    ...(award === undefined ? {} : awardTerms(award)),
    ...(followUp === undefined ? {} : { followUpOwner: followUp.follow_up_owner }),
    ...(decision === undefined ? {} : { award: decision }),
  };
};

/**
 * One project's folder at `asOf` (Romerike Revisjon's «prosjektmappe»): the project as registered and its
 * status, every decision about it, its status reports with health, the risks assessed with the project as
 * their subject, the contracts of its procurements and its evaluations – on the recorded clock as the
 * registers read then, on the effective clock as known now. `null` when no such project was registered.
 */
export const projectFolder = async (
  reader: ReadModelReader,
  query: ProjectFolderQuery,
): Promise<t.TypeOf<typeof projectFolderAnswer>> => {
  const { projectId, ...pointInTime } = query;
  const project = await projectAt(reader, { ...pointInTime, projectId });
  if (project === undefined) return null;
  const resolved = resolvePointInTime(pointInTime);
  const of = (table: string, column = 'project_id') =>
    new Where().stateAt(resolved, table).and(`${table}.${column} = ?`, projectId);

  const statusReports = (
    await rowsInEffectOrder<StatusRow>(
      reader,
      'portfolio_project_events',
      of('portfolio_project_events').and("portfolio_project_events.event_type = 'ProjectStatusReported'"),
    )
  ).map((row) => ({
    reportedOn: row.on_date,
    health: row.health ?? '',
    summary: row.summary ?? '',
    reportedTo: row.reported_to ?? '',
    eventId: row.event_id,
    globalPosition: row.position,
    knownFrom: row.known_from,
  }));
  const procurements = await rowsInEffectOrder<ProcurementRow>(
    reader,
    'folder_procurements',
    of('folder_procurements'),
  );
  const contracts = [];
  for (const procurement of procurements) {
    contracts.push(
      contractOf(
        procurement,
        await rowsInEffectOrder<ContractRow>(
          reader,
          'folder_contracts',
          new Where()
            .stateAt(resolved, 'folder_contracts')
            .and('folder_contracts.procurement_id = ?', procurement.procurement_id),
        ),
      ),
    );
  }
  const evaluations = (
    await rowsInEffectOrder<EvaluationRow>(reader, 'folder_evaluations', of('folder_evaluations'))
  ).map((row) => ({
    evaluatedOn: row.evaluated_on,
    lessons: JSON.parse(row.lessons) as string[],
    ...(row.document_reference === null ? {} : { documentReference: row.document_reference }),
  }));
  const risks = (await risksOfSubject(reader, { ...pointInTime, subject: projectId })).map((risk) => ({
    riskId: risk.riskId,
    title: risk.current.title,
    likelihood: risk.current.likelihood,
    consequence: risk.current.consequence,
    score: risk.current.score,
    band: risk.current.band,
    assessedOn: risk.current.assessedOn,
    nextReview: risk.current.nextReview,
    ...(risk.treatment === undefined ? {} : { treatmentStrategy: risk.treatment.strategy }),
    ...(risk.closed === undefined ? {} : { closedOn: risk.closed.closedOn }),
  }));
  const prioritizations = (await prioritizationHistory(reader, { ...pointInTime, projectId })).map(
    (entry) => ({
      portfolio: entry.portfolio,
      round: entry.round,
      rank: entry.rank,
      decision: entry.decision,
    }),
  );
  return {
    projectId,
    name: project.name,
    portfolio: project.portfolio,
    owningUnit: project.owningUnit,
    need: project.need,
    ...(project.description === undefined ? {} : { description: project.description }),
    registeredOn: project.registeredOn,
    status: project.status,
    ...(project.closedOn === undefined ? {} : { closedOn: project.closedOn }),
    decisions: [...project.decisions],
    prioritizations,
    statusReports,
    risks,
    contracts,
    evaluations,
  };
};

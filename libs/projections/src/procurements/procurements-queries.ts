import type { ReadModelReader } from '../read-models/read-model-reader';
import type * as t from 'io-ts';
import { delegationChain, type DelegationRegister } from '@styring/governance';
import { provenanceOf, type ProvenanceRow } from '../answers/provenance';
import { delegationRowsAt, registerOf } from '../authority/delegation-rows';
import { oneOf } from '../closed-filter';
import { decisionOf, type DecisionRow, type DecisionSummary } from '../governance/decision-columns';
import { type PointInTime, resolvePointInTime } from '../point-in-time';
import { forEachInEffectOrder } from '../sqlite/state-rows';
import { Where } from '../sqlite/where';
import type { procurementRegisterAnswer } from './procurements-answers';

type Procurement = t.TypeOf<typeof procurementRegisterAnswer>[number];
type ProcurementStatus = Procurement['status'];

export interface ProcurementRegisterQuery extends PointInTime {
  readonly status?: string;
}

interface ProcurementRow extends DecisionRow, ProvenanceRow {
  readonly procurement_id: string;
  readonly event_type: 'ProcurementRegistered' | 'ContractAwarded' | 'ContractFollowUpAssigned';
  readonly title: string | null;
  readonly estimated_value_nok: bigint | null;
  readonly call_off: bigint | null;
  readonly requesting_unit: string | null;
  readonly registered_on: string | null;
  readonly project_id: string | null;
  readonly responsible_unit: string | null;
  readonly threshold_nok: bigint | null;
  readonly supplier: string | null;
  readonly contract_value_nok: bigint | null;
  readonly period_from: string | null;
  readonly period_to: string | null;
  readonly follow_up_owner: string | null;
}

const statuses: readonly ProcurementStatus[] = ['registrert', 'tildelt'];

/** The strictest amount limit along a delegation's chain, as the domain's scope check applies them. */
const delegationLimit = (register: DelegationRegister, decision: DecisionSummary): number | undefined => {
  if (decision.authority.kind !== 'delegation') return undefined;
  const record = register.get(decision.authority.delegationId);
  const limits = (record === undefined ? [] : (delegationChain(register, record) ?? [record])).flatMap(
    (link) => (link.scope.maxAmountNok === undefined ? [] : [link.scope.maxAmountNok]),
  );
  return limits.length === 0 ? undefined : Math.min(...limits);
};

const registered = (row: ProcurementRow): Procurement => ({
  procurementId: row.procurement_id,
  title: row.title as string,
  estimatedValueNok: Number(row.estimated_value_nok),
  callOff: row.call_off === 1n,
  requestingUnit: row.requesting_unit as string,
  registeredOn: row.registered_on as string,
  thresholdNok: Number(row.threshold_nok),
  responsibleUnit: row.responsible_unit as string,
  status: 'registrert',
  registered: provenanceOf(row),
  followUpAssignments: [],
  ...(row.project_id === null ? {} : { projectId: row.project_id }),
});

const awarded = (
  procurement: Procurement,
  row: ProcurementRow,
  register: DelegationRegister,
): Procurement => {
  const decision = decisionOf(row) as DecisionSummary;
  const contractValueNok = Number(row.contract_value_nok);
  const limit = delegationLimit(register, decision);
  return {
    ...procurement,
    status: 'tildelt',
    followUpOwner: row.follow_up_owner as string,
    contract: {
      supplier: row.supplier as string,
      contractValueNok,
      decision,
      ...(row.period_from === null || row.period_to === null
        ? {}
        : { contractPeriod: { from: row.period_from, to: row.period_to } }),
      ...(limit === undefined
        ? {}
        : { delegationLimitNok: limit, withinDelegationLimit: contractValueNok <= limit }),
      ...provenanceOf(row),
    },
  };
};

/**
 * The procurements registered by `asOf`, as they stood then (as known then on the recorded clock, as known
 * now on the effective clock): the threshold in force at registration and the unit it made responsible,
 * the contract awarded with its value against the amount limit of the delegation it was awarded under, and
 * who follows the contract up.
 */
export const procurementRegister = async (
  reader: ReadModelReader,
  query: ProcurementRegisterQuery = {},
): Promise<t.TypeOf<typeof procurementRegisterAnswer>> => {
  const status = oneOf('status', query.status, statuses);
  const pointInTime = resolvePointInTime(query);
  const { register } = registerOf(await delegationRowsAt(reader, pointInTime));
  const procurements = new Map<string, Procurement>();
  // Folded as the rows come: a long history's awards and follow-ups are never all in memory.
  await forEachInEffectOrder<ProcurementRow>(
    reader,
    'procurement_events',
    new Where().stateAt(pointInTime, 'procurement_events'),
    (row) => {
      const procurement = procurements.get(row.procurement_id);
      if (row.event_type === 'ProcurementRegistered') procurements.set(row.procurement_id, registered(row));
      else if (procurement === undefined) return;
      else if (row.event_type === 'ContractAwarded') {
        procurements.set(row.procurement_id, awarded(procurement, row, register));
      } else {
        const assignment = {
          followUpOwner: row.follow_up_owner as string,
          decision: decisionOf(row) as DecisionSummary,
          ...provenanceOf(row),
        };
        procurements.set(row.procurement_id, {
          ...procurement,
          followUpOwner: assignment.followUpOwner,
          followUpAssignments: [...procurement.followUpAssignments, assignment],
        });
      }
    },
  );
  return [...procurements.values()].filter(
    (procurement) => status === undefined || procurement.status === status,
  );
};

import type { ReadModelReader } from '../read-models/read-model-reader';
import * as E from 'fp-ts/Either';
import type * as t from 'io-ts';
import {
  authorize,
  type CommandType,
  coversDelegating,
  coversMatter,
  coversScope,
  type DecisionReference,
  type DelegationRegister,
  type DelegationScope,
  delegationsInForce as inForceOn,
  eventKindLabels,
  type GovernanceEventType,
  type PlanKind,
  type Portfolio,
} from '@styring/governance';
import { decisionOf, type DecisionRow, type DecisionSummary } from '../governance/decision-columns';
import { type DelegationRow, delegationRowsAt, registerOf } from './delegation-rows';
import {
  checkDate,
  InvalidQuery,
  type PointInTime,
  type ResolvedPointInTime,
  resolvePointInTime,
} from '../point-in-time';
import { Where } from '../sqlite/where';
import { forEachInEffectOrder, rowsInEffectOrder } from '../sqlite/state-rows';
import type {
  AuthorityDecision,
  AuthorityFailure,
  DelegationEntry,
  decisionsUnderDelegationsAnswer,
  RecordedWithoutAuthorityEntry,
} from './authority-answers';

interface DecisionEventRow extends DecisionRow {
  readonly event_id: string;
  readonly position: bigint;
  readonly known_from: string;
  readonly event_type: GovernanceEventType;
  readonly command_type: CommandType;
  readonly plan_id: string | null;
  readonly plan_kind: PlanKind | null;
  readonly project_id: string | null;
  readonly portfolio: Portfolio | null;
  readonly amount_nok: bigint | null;
  readonly scope: string | null;
  readonly delegation_id: string | null;
  readonly recorded_without_authority: string | null;
}

const requireDay = (pointInTime: ResolvedPointInTime, question: string): string => {
  if (pointInTime.day === undefined) throw new InvalidQuery('asOf', `is required: ${question}`);
  return pointInTime.day;
};

/**
 * The delegations in force on the day of `asOf` (valid, not revoked, and resting on delegations in force),
 * as known then (recorded clock) or as known now (effective clock).
 */
export const delegationsInForce = async (
  reader: ReadModelReader,
  query: PointInTime & { readonly asOf: string },
): Promise<DelegationEntry[]> => {
  const pointInTime = resolvePointInTime(query);
  const day = requireDay(pointInTime, 'in force on which day?');
  const { register, entries } = registerOf(await delegationRowsAt(reader, pointInTime));
  const inForce = new Set(inForceOn(register, day).map((record) => record.delegationId));
  return entries.filter((entry) => inForce.has(entry.delegationId));
};

export interface DecisionsQuery extends PointInTime {
  /** Decision dates from and to (`YYYY-MM-DD`, both included). */
  readonly from?: string;
  readonly to?: string;
}

const decisionsWhere = (pointInTime: ResolvedPointInTime, query: DecisionsQuery) =>
  new Where()
    .historyAt(pointInTime, 'authority_decisions')
    .and(
      'authority_decisions.decided_on >= ?',
      query.from === undefined ? undefined : checkDate(query.from, 'from'),
    )
    .and(
      'authority_decisions.decided_on <= ?',
      query.to === undefined ? undefined : checkDate(query.to, 'to'),
    );

const toDecision = (row: DecisionEventRow): AuthorityDecision => ({
  ...(decisionOf(row) as DecisionSummary),
  eventId: row.event_id,
  eventType: row.event_type,
  kind: eventKindLabels[row.event_type],
  globalPosition: row.position,
  knownFrom: row.known_from,
});

/**
 * The decisions made under delegations, by delegation in the order each first decided: those `keep`
 * accepts, read row by row so that only they are held.
 */
export const decisionsByDelegation = async (
  reader: ReadModelReader,
  query: DecisionsQuery & { readonly delegationId?: string },
  keep: (delegationId: string) => boolean = () => true,
): Promise<Map<string, AuthorityDecision[]>> => {
  const where = decisionsWhere(resolvePointInTime(query), query)
    .and("authority_decisions.authority_kind = 'delegation'")
    .and('authority_decisions.authority_reference = ?', query.delegationId);
  const decisions = new Map<string, AuthorityDecision[]>();
  await forEachInEffectOrder<DecisionEventRow>(reader, 'authority_decisions', where, (row) => {
    const delegationId = row.authority_reference as string;
    if (!keep(delegationId)) return;
    const made = decisions.get(delegationId);
    if (made === undefined) decisions.set(delegationId, [toDecision(row)]);
    else made.push(toDecision(row));
  });
  return decisions;
};

/** The decisions made under each delegation, recorded by `asOf` or made by `asOf` as known now. */
export const decisionsUnderDelegations = async (
  reader: ReadModelReader,
  query: DecisionsQuery & { readonly delegationId?: string } = {},
): Promise<t.TypeOf<typeof decisionsUnderDelegationsAnswer>> =>
  [...(await decisionsByDelegation(reader, query))].map(([delegationId, decisions]) => ({
    delegationId,
    decisions,
  }));

/** What a decision's authority has to cover, in the terms of the domain's scope checks. */
const coverage = (
  row: DecisionEventRow,
  register: DelegationRegister,
  planKinds: ReadonlyMap<string, PlanKind>,
  portfolios: ReadonlyMap<string, Portfolio>,
): ((scope: DelegationScope) => boolean) => {
  if (row.event_type === 'AuthorityDelegated' && row.scope !== null) {
    return coversDelegating(JSON.parse(row.scope) as DelegationScope);
  }
  if (row.event_type === 'AuthorityRevoked') {
    const revoked = row.delegation_id === null ? undefined : register.get(row.delegation_id);
    return revoked === undefined ? () => false : coversScope(revoked.scope);
  }
  const planKind = row.plan_kind ?? (row.plan_id === null ? undefined : planKinds.get(row.plan_id));
  const portfolio = row.portfolio ?? (row.project_id === null ? undefined : portfolios.get(row.project_id));
  return coversMatter({
    commandType: row.command_type,
    ...(planKind === undefined ? {} : { planKind }),
    ...(portfolio === undefined ? {} : { portfolio }),
    ...(row.amount_nok === null ? {} : { amountNok: Number(row.amount_nok) }),
  });
};

/** A decision's failed authority check, or the finding it was knowingly recorded with; undefined if held. */
const failureOf = (
  row: DecisionEventRow,
  register: DelegationRegister,
  planKinds: ReadonlyMap<string, PlanKind>,
  portfolios: ReadonlyMap<string, Portfolio>,
): AuthorityFailure | undefined => {
  const decision = toDecision(row);
  const reference: DecisionReference = {
    body: decision.body as DecisionReference['body'],
    decidedOn: decision.decidedOn,
    caseNumber: decision.caseNumber,
    authority: decision.authority,
    ...(decision.meeting === undefined ? {} : { meeting: decision.meeting }),
    ...(decision.unit === undefined ? {} : { unit: decision.unit }),
  };
  const checked = authorize(reference, coverage(row, register, planKinds, portfolios), register);
  const marked =
    row.recorded_without_authority === null
      ? undefined
      : (JSON.parse(row.recorded_without_authority) as RecordedWithoutAuthorityEntry);
  // A decision recorded without authority stays listed with the finding it was recorded with, even
  // should a later correction of the delegations let it pass the check today.
  const failure = E.isLeft(checked) ? checked.left : marked?.finding;
  if (failure === undefined) return undefined;
  const { code, message, messageEn } = failure;
  return {
    decision,
    code,
    message,
    messageEn,
    ...(marked === undefined ? {} : { recordedWithoutAuthority: marked }),
  };
};

/**
 * Decisions whose authority did not hold, checked by the domain's own `authorize` against the delegation
 * register: the deciders refuse such decisions, but history imported from elsewhere or corrected later can
 * show them, and a privileged caller may record one knowingly (`recordedWithoutAuthority`: the reason, the
 * finding and who recorded it). On the recorded clock, everything as recorded by `asOf`; on the effective clock, the decisions
 * and delegations made by `asOf` as known now (corrections included).
 */
export const decisionsWithoutAuthority = async (
  reader: ReadModelReader,
  query: DecisionsQuery = {},
): Promise<AuthorityFailure[]> => {
  const pointInTime = resolvePointInTime(query);
  const { register } = registerOf(
    await rowsInEffectOrder<DelegationRow>(
      reader,
      'authority_delegations',
      new Where().historyAt(pointInTime, 'authority_delegations'),
    ),
  );
  // Only the two columns the plan kinds need: every decision's whole row would be read twice otherwise.
  const planWhere = new Where()
    .historyAt(pointInTime, 'authority_decisions')
    .and('authority_decisions.plan_id IS NOT NULL AND authority_decisions.plan_kind IS NOT NULL');
  const planKinds = new Map<string, PlanKind>();
  await reader.forEachRow<{ plan_id: string; plan_kind: PlanKind }>(
    `SELECT plan_id, plan_kind FROM authority_decisions ${planWhere} ORDER BY effective_from, position`,
    planWhere.params,
    (row) => void planKinds.set(row.plan_id, row.plan_kind),
  );
  const projectRows = await rowsInEffectOrder<{ project_id: string; portfolio: Portfolio }>(
    reader,
    'authority_projects',
    new Where().historyAt(pointInTime, 'authority_projects'),
  );
  const portfolios = new Map(projectRows.map((row) => [row.project_id, row.portfolio]));
  const failures: AuthorityFailure[] = [];
  // Every decision is checked, one row at a time as they come: only the failures are kept.
  await forEachInEffectOrder<DecisionEventRow>(
    reader,
    'authority_decisions',
    decisionsWhere(pointInTime, query),
    (row) => {
      const failure = failureOf(row, register, planKinds, portfolios);
      if (failure !== undefined) failures.push(failure);
    },
  );
  return failures;
};

import type { DecisionMatter, DecisionSpec } from './command-spec';
import { commandOfEvent, eventSpecs } from './command-specs';
import type { CommandType } from './command-types';
import type { GovernanceEvent } from './governance-event';

/**
 * An event that records a decision: it carries a `decision` (who decided, when, under what authority).
 * Where the field is optional (ownership endings recorded before it was required), only the events that
 * carry it are decisions.
 */
type WithDecision<E> = E extends unknown
  ? 'decision' extends keyof E
    ? E & { readonly decision: NonNullable<E['decision' & keyof E]> }
    : never
  : never;
export type Decision = WithDecision<GovernanceEvent>;
export type DecisionType = Decision['type'];

/** How each kind of decision is read (its spec's `decision`), typed for any decision. */
export const decisionSpecs = Object.fromEntries(
  Object.entries(eventSpecs as Readonly<Record<string, { readonly decision?: unknown }>>).flatMap(
    ([type, spec]) => (spec.decision === undefined ? [] : [[type, spec.decision]]),
  ),
) as Readonly<Record<DecisionType, DecisionSpec<Decision>>>;

/** Every event type that records a decision. */
export const decisionTypes = Object.keys(decisionSpecs) as readonly DecisionType[];

export const isDecision = (event: GovernanceEvent): event is Decision =>
  'decision' in event && event.decision !== undefined;

/** The command a decision answers: what a delegation's scope must cover. */
export const commandOfDecision = (event: Decision): CommandType => commandOfEvent[event.type];

/** What a decision's authority must cover beyond its command (plan, project, amount, delegation …). */
export const decisionMatterOf = (event: Decision): DecisionMatter =>
  decisionSpecs[event.type].matter?.(event) ?? {};

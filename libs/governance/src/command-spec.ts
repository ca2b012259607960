import type * as t from 'io-ts';
import type { DelegationScope } from './authority/scope';
import type { CommandsOf, DeciderKind, EventsOf } from './deciders';
import type { PlanKind } from './plans/plan-kinds';
import type { Portfolio } from './portfolio/portfolios';
import type { Role } from './shared/roles';

/**
 * Everything the system knows about one command, in one object kept in its area of the domain. Every
 * registry (decoders, event codecs, deciders, streams, decision log, authority, HTTP routes, permissions,
 * OpenAPI, CLI help) is derived from these specs (`command-specs.ts`), so adding a command is adding a spec.
 */
export interface CommandSpec<C extends { readonly type: string }, E extends { readonly type: string }> {
  /** Decodes untrusted input into the command; refuses unknown fields. */
  readonly codec: t.Type<C, C, unknown>;
  /** The kind of decider that decides the command and folds its events (`deciders.ts`). */
  readonly decider: DeciderKindFor<C, E>;
  /** The stream the command is decided on and appended to: the consistency boundary of its invariant. */
  readonly stream: (command: C) => string;
  /** The REST action in the service. */
  readonly route: CommandRoute;
  /** The roles that may send the command at all, through any entry point (`@styring/app`'s `checkCaller`). */
  readonly roles: readonly Role[];
  /** Every event type the command can produce, by its stored type name. */
  readonly events: { readonly [T in E['type']]: EventSpec<Extract<E, { readonly type: T }>> };
}

/** The decider kinds whose decider takes the command and folds all of its events. */
export type DeciderKindFor<C, E> = {
  [K in DeciderKind]: C extends CommandsOf<K> ? (E extends EventsOf<K> ? K : never) : never;
}[DeciderKind];

/**
 * `POST /api/<path>` with the command's fields as JSON (without `type`). A `:param` in the path is the
 * command field of the same name; the body may leave it out, and when it gives it, it must be the same.
 */
export interface CommandRoute {
  readonly path: string;
  /** A short Norwegian summary for the docs page and the CLI help. */
  readonly summary: string;
  /** The OpenAPI tag (Norwegian). */
  readonly tag: string;
}

/** One event type: its codec, its label, its schema version and, for a decision, how it is read. */
export type EventSpec<E extends { readonly type: string }> = {
  readonly codec: t.Type<E, E, unknown> & { readonly required: t.Props };
  /** What the event records, in Norwegian: the `kind` column of the decision log and event lists. */
  readonly label: string;
  /** The schema version it is written with now (1 when absent); older ones are read via `upcasters.ts`. */
  readonly schemaVersion?: number;
} & ('decision' extends keyof E ? { readonly decision: DecisionSpec<E> } : { readonly decision?: undefined });

/** How a decision is read by auditors and checked for authority. */
export interface DecisionSpec<E> {
  /** One line in Norwegian: what was decided, in the words an auditor reads. */
  readonly summary: (event: E) => string;
  /** What the deciding body's authority must cover beyond the command type; nothing when absent. */
  readonly matter?: (event: E) => DecisionMatter;
  /** The unit the decision concerns, when it concerns one. */
  readonly unit?: (event: E) => string | undefined;
}

/**
 * The matter of a decision, in the terms a delegation's scope limits: the plan (and its kind), the project
 * (and its portfolio), the amount, or the delegation given or revoked. A revision names its plan and a
 * cancellation its project; their kind and portfolio are looked up when the authority is checked.
 */
export interface DecisionMatter {
  readonly delegationId?: string;
  readonly scope?: DelegationScope;
  readonly planId?: string;
  readonly planKind?: PlanKind;
  readonly projectId?: string;
  readonly portfolio?: Portfolio;
  readonly amountNok?: number;
}

import * as E from 'fp-ts/Either';
import type * as TE from 'fp-ts/TaskEither';
import type { AppendCondition } from './append-condition';
import type { Decider, DomainRejection } from './decider';
import type { ConcurrencyError, ConsistencyConflict } from './errors';
import type { EventSerde, UndecodableEvent } from './event-serde';
import type { EventReader, EventWriter } from './event-store';
import type { CurrentRevision, ExpectedRevision } from './expected-revision';
import type { EventMetadata, NewEvent } from './recorded-event';
import type { StreamStates } from './stream-states';

/** Who sends a command and when it takes effect; becomes every resulting event's metadata. */
export interface CommandMetadata {
  /** The command's own id: the `causationId` of the events it causes. */
  readonly commandId: string;
  readonly actor: string;
  readonly role: string;
  readonly unit?: string;
  readonly onBehalfOf?: string;
  readonly correlationId: string;
  readonly effectiveAt: string;
}

export interface StoreFailure {
  readonly _tag: 'StoreFailure';
  readonly error: unknown;
}

export type HandleFailure =
  DomainRejection | ConcurrencyError | ConsistencyConflict | UndecodableEvent | StoreFailure;

/** Facts from outside the stream, and the condition under which a decision on them still holds. */
export interface ConsultedContext<Context> {
  readonly context: Context;
  /**
   * The condition to append with, asked after the decision (so that it can name only the facts the decider
   * read): a fact that changed since it was read fails the append.
   */
  readonly condition?: () => AppendCondition | undefined;
}

/**
 * Reads the context afresh for every attempt, so that a retry after a `ConsistencyConflict` decides on
 * the facts as they are now. Give one instead of a fixed context; make it with `contextReader`.
 */
export interface ContextReader<Context> {
  readonly _tag: 'ContextReader';
  readonly read: () => Promise<ConsultedContext<Context>>;
}

export const contextReader = <Context>(
  read: () => Promise<ConsultedContext<Context>>,
): ContextReader<Context> => ({ _tag: 'ContextReader', read });

const isContextReader = <Context>(
  context: Context | ContextReader<Context>,
): context is ContextReader<Context> =>
  typeof context === 'object' &&
  context !== null &&
  (context as { readonly _tag?: unknown })._tag === 'ContextReader';

export interface Handled<Event> {
  readonly streamId: string;
  /** What the decider decided; empty when the command changed nothing (e.g. a repeated request). */
  readonly events: readonly Event[];
  /** The stream's revision after the command (`undefined` for a stream that still has no events). */
  readonly revision: CurrentRevision;
  /** Global position of the last appended event, when anything was appended. */
  readonly lastPosition?: bigint;
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** Delay before the second attempt; doubled before each one after it. */
  readonly initialDelayMs: number;
}

export interface CommandHandlerDependencies<Command, Event, State, Context> {
  readonly store: EventReader & EventWriter;
  readonly decider: Decider<Command, Event, State, Context>;
  readonly serde: EventSerde<Event>;
  /**
   * The id of each event to append, given its index in the decided batch. Asked afresh on every attempt,
   * so an id derived from the command (an idempotency key) is the same whichever attempt appends it. Wrap a
   * generator that reads its own arguments (`() => randomUUID()`, not `randomUUID`).
   */
  readonly newId: (indexInBatch: number) => string;
  readonly retry?: RetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * A number in [0, 1) that spreads each retry's wait over the second half of its delay, so that writers
   * in several processes that conflicted once do not retry in lockstep and conflict again. Without it
   * every wait is the whole delay (the port draws no random numbers itself).
   */
  readonly random?: () => number;
  /**
   * Streams folded by earlier commands: a command then reads only the events after the revision it has.
   * Share one between the handlers of one process; without it every command reads its whole stream.
   */
  readonly states?: StreamStates<State>;
}

export interface HandleOptions {
  /**
   * The revision the caller saw (e.g. an HTTP `If-Match`). When given, a revision conflict is returned to
   * the caller at once: someone else changed what they looked at. When absent, conflicts are retried.
   */
  readonly expectedRevision?: ExpectedRevision;
}

export type CommandHandler<Command, Event, Context> = (
  streamId: string,
  command: Command,
  metadata: CommandMetadata,
  context: Context | ContextReader<Context>,
  options?: HandleOptions,
) => TE.TaskEither<HandleFailure, Handled<Event>>;

const defaultRetry: RetryPolicy = { maxAttempts: 5, initialDelayMs: 5 };
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Read the context and the stream, fold it, decide, append with the revision read (and the context's
 * condition); retry a bounded number of times. A revision conflict is retried only when the caller named
 * no revision; a consistency conflict always, since the caller did not see those facts.
 */
export const commandHandler =
  <Command, Event, State, Context>(
    deps: CommandHandlerDependencies<Command, Event, State, Context>,
  ): CommandHandler<Command, Event, Context> =>
  (streamId, command, metadata, context, options = {}) =>
  async () => {
    const retry = deps.retry ?? defaultRetry;
    const retriesRevision = options.expectedRevision === undefined;
    const sleep = deps.sleep ?? defaultSleep;
    try {
      for (let attempt = 1; ; attempt++) {
        const consulted = isContextReader(context) ? await context.read() : { context };
        const outcome = await attemptOnce(deps, streamId, command, metadata, consulted, options);
        const failure = E.isLeft(outcome) ? outcome.left._tag : undefined;
        const retried =
          failure === 'ConsistencyConflict' || (failure === 'ConcurrencyError' && retriesRevision);
        if (!retried || attempt >= retry.maxAttempts) return outcome;
        const delay = retry.initialDelayMs * 2 ** (attempt - 1);
        await sleep(deps.random === undefined ? delay : (delay * (1 + deps.random())) / 2);
      }
    } catch (error) {
      return E.left<HandleFailure>({ _tag: 'StoreFailure', error });
    }
  };

const attemptOnce = async <Command, Event, State, Context>(
  deps: CommandHandlerDependencies<Command, Event, State, Context>,
  streamId: string,
  command: Command,
  metadata: CommandMetadata,
  { context, condition }: ConsultedContext<Context>,
  options: HandleOptions,
): Promise<E.Either<HandleFailure, Handled<Event>>> => {
  const folded = deps.states?.get(streamId);
  let state = folded?.state ?? deps.decider.initialState;
  let revision: CurrentRevision = folded?.revision;
  const from = revision === undefined ? {} : { from: revision + 1n };
  for await (const recorded of deps.store.readStream(streamId, from)) {
    const event = deps.serde.fromRecorded(recorded);
    if (E.isLeft(event)) return event;
    state = deps.decider.evolve(state, event.right);
    revision = recorded.streamRevision;
  }
  if (revision !== undefined) deps.states?.set(streamId, { revision, state });
  const expectedRevision = options.expectedRevision ?? revision ?? 'no_stream';
  const decided = deps.decider.decide(command, state, context);
  if (E.isLeft(decided)) return decided;
  const events = decided.right;
  if (events.length === 0) return E.right({ streamId, events, revision });

  const eventMetadata: EventMetadata = {
    actor: metadata.actor,
    role: metadata.role,
    ...(metadata.unit === undefined ? {} : { unit: metadata.unit }),
    ...(metadata.onBehalfOf === undefined ? {} : { onBehalfOf: metadata.onBehalfOf }),
    correlationId: metadata.correlationId,
    causationId: metadata.commandId,
    effectiveAt: metadata.effectiveAt,
  };
  const toAppend: NewEvent[] = events.map((event, index) => ({
    ...deps.serde.toStored(event),
    eventId: deps.newId(index),
    metadata: eventMetadata,
  }));
  const consulted = condition?.();
  const appended = await deps.store.appendToStream(streamId, toAppend, {
    expectedRevision,
    ...(consulted === undefined ? {} : { condition: consulted }),
  });
  if (appended._tag !== 'Appended') return E.left(appended);
  // When the events landed right after the state folded here, the next command need not read them back.
  if (appended.nextExpectedRevision === (revision ?? -1n) + BigInt(events.length)) {
    deps.states?.set(streamId, {
      revision: appended.nextExpectedRevision,
      state: events.reduce((folded, event) => deps.decider.evolve(folded, event), state),
    });
  }
  return E.right({
    streamId,
    events,
    revision: appended.nextExpectedRevision,
    lastPosition: appended.lastPosition,
  });
};

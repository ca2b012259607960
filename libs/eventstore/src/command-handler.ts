import * as E from 'fp-ts/Either';
import type * as TE from 'fp-ts/TaskEither';
import type { IdGenerator } from './clock';
import type { Decider, DomainRejection } from './decider';
import type { ConcurrencyError } from './errors';
import type { EventSerde, UndecodableEvent } from './event-serde';
import type { EventReader, EventWriter } from './event-store';
import type { CurrentRevision, ExpectedRevision } from './expected-revision';
import type { EventMetadata, NewEvent } from './recorded-event';

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

export type HandleFailure = DomainRejection | ConcurrencyError | UndecodableEvent | StoreFailure;

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
  readonly newId: IdGenerator;
  readonly retry?: RetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface HandleOptions {
  /**
   * The revision the caller saw (e.g. an HTTP `If-Match`). When given, a conflict is returned to the caller
   * at once: someone else changed what they looked at. When absent, conflicts are retried.
   */
  readonly expectedRevision?: ExpectedRevision;
}

export type CommandHandler<Command, Event, Context> = (
  streamId: string,
  command: Command,
  metadata: CommandMetadata,
  context: Context,
  options?: HandleOptions,
) => TE.TaskEither<HandleFailure, Handled<Event>>;

const defaultRetry: RetryPolicy = { maxAttempts: 5, initialDelayMs: 5 };
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Read the stream, fold it, decide, append with the revision read; retry a bounded number of times. */
export const commandHandler =
  <Command, Event, State, Context>(
    deps: CommandHandlerDependencies<Command, Event, State, Context>,
  ): CommandHandler<Command, Event, Context> =>
  (streamId, command, metadata, context, options = {}) =>
  async () => {
    const retry = deps.retry ?? defaultRetry;
    const maxAttempts = options.expectedRevision === undefined ? retry.maxAttempts : 1;
    const sleep = deps.sleep ?? defaultSleep;
    try {
      for (let attempt = 1; ; attempt++) {
        const outcome = await attemptOnce(deps, streamId, command, metadata, context, options);
        const conflicted = E.isLeft(outcome) && outcome.left._tag === 'ConcurrencyError';
        if (!conflicted || attempt >= maxAttempts) return outcome;
        await sleep(retry.initialDelayMs * 2 ** (attempt - 1));
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
  context: Context,
  options: HandleOptions,
): Promise<E.Either<HandleFailure, Handled<Event>>> => {
  let state = deps.decider.initialState;
  let revision: CurrentRevision;
  for await (const recorded of deps.store.readStream(streamId)) {
    const event = deps.serde.fromRecorded(recorded);
    if (E.isLeft(event)) return event;
    state = deps.decider.evolve(state, event.right);
    revision = recorded.streamRevision;
  }
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
  const toAppend: NewEvent[] = events.map((event) => ({
    ...deps.serde.toStored(event),
    eventId: deps.newId(),
    metadata: eventMetadata,
  }));
  const appended = await deps.store.appendToStream(streamId, toAppend, { expectedRevision });
  if (appended._tag === 'ConcurrencyError') return E.left(appended);
  return E.right({
    streamId,
    events,
    revision: appended.nextExpectedRevision,
    lastPosition: appended.lastPosition,
  });
};

import * as E from 'fp-ts/Either';
import {
  commandHandler,
  contextReader,
  type EventReader,
  type EventWriter,
  type Handled,
  type HandleFailure,
  type HandleOptions,
  keepsSnapshots,
  StreamStates,
} from '@styring/eventstore';
import {
  defaultGovernanceConfiguration,
  type GovernanceCommand,
  type GovernanceConfiguration,
  governanceDecider,
  type GovernanceEvent,
  governanceEventSerde,
  type GovernanceState,
  streamFor,
} from '@styring/governance';
import { checkCaller } from './authority/caller-authority';
import { consultedFacts } from './consulted-facts';
import { effectiveAtOf } from './effective-at';
import { keyedOutcome, type KeyedOutcome } from './idempotency/keyed-outcome';
import {
  commandFingerprint,
  decodeKeyedCommand,
  keyedEventId,
  keyedEventIds,
  type KeyedCommand,
} from './idempotency/keyed-command';
import type { AppendedEvent, BatchItem, Caller, ExecutionResult } from './execution-result';
import { governanceContextLoader, UnreadableHistoryError } from './governance-context-loader';
import { type Runtime, systemRuntime } from './runtime';
import { oneAtATime } from './one-at-a-time';

/** Runs governance commands the one way every entry point (CLI, API, NestJS, demo) runs them. */
export interface CommandExecutor {
  /**
   * Decode, load the facts from other streams, decide, append on the condition that the facts the decider
   * read are unchanged (else re-read and decide again). Throws only when the store fails.
   */
  execute(input: unknown, caller: Caller, options?: HandleOptions): Promise<ExecutionResult>;
  /**
   * Several commands in order. All are decoded first, so that one invalid command means nothing is written;
   * then each runs, and after the first that does not go through the rest are not run.
   */
  executeBatch(inputs: readonly unknown[], caller: Caller): Promise<readonly BatchItem[]>;
}

/** A keyed command seen before: the same command gets its first outcome again, another one is refused. */
const repeated = (
  command: GovernanceCommand,
  key: string,
  fingerprint: string,
  first: KeyedOutcome,
): ExecutionResult => {
  const last = first.events[first.events.length - 1];
  if (first.events[0]?.eventId !== keyedEventId(key, fingerprint, 0) || last === undefined) {
    return {
      status: 'rejected',
      commandType: command.type,
      code: 'idempotency.key_reused',
      message: `Nøkkelen (commandId) '${key}' er alt brukt for en annen kommando; ingenting ble lagret.`,
      messageEn: `the key (commandId) '${key}' was used for another command; nothing was written`,
    };
  }
  return {
    status: 'accepted',
    commandType: command.type,
    streamId: first.streamId,
    events: first.events,
    revision: last.streamRevision,
    position: last.globalPosition,
    correlationId: first.correlationId,
  };
};

/** The events just appended, read back with the ids and positions the store gave them. */
const appendedEvents = async (
  store: EventReader,
  handled: Handled<GovernanceEvent>,
): Promise<AppendedEvent[]> => {
  if (handled.events.length === 0 || handled.revision === undefined) return [];
  const from = handled.revision - BigInt(handled.events.length) + 1n;
  const events: AppendedEvent[] = [];
  for await (const recorded of store.readStream(handled.streamId, { from, to: handled.revision })) {
    const { eventId, type, streamRevision, globalPosition } = recorded;
    events.push({ eventId, type, streamRevision, globalPosition });
  }
  return events;
};

const failed = (command: GovernanceCommand, failure: HandleFailure): ExecutionResult => {
  switch (failure._tag) {
    case 'DomainRejection':
      return {
        status: 'rejected',
        commandType: command.type,
        code: failure.code,
        message: failure.message,
        messageEn: failure.messageEn,
      };
    case 'ConcurrencyError':
      return {
        status: 'conflict',
        commandType: command.type,
        streamId: failure.streamId,
        expected: failure.expected,
        actual: failure.actual,
      };
    case 'ConsistencyConflict':
      return {
        status: 'conflict',
        commandType: command.type,
        streamId: failure.streamId,
        changed: failure.changed,
      };
    case 'UndecodableEvent':
      throw new UnreadableHistoryError(
        `event ${failure.eventId} (${failure.streamId}@${failure.streamRevision}) cannot be read: ${failure.reason}; nothing was decided`,
      );
    case 'StoreFailure':
      throw failure.error;
  }
};

export const createCommandExecutor = (
  store: EventReader & EventWriter,
  runtime: Runtime = systemRuntime,
  configuration: GovernanceConfiguration = defaultGovernanceConfiguration,
): CommandExecutor => {
  const loadContext = governanceContextLoader(
    store,
    configuration,
    keepsSnapshots(store) ? { store } : undefined,
  );
  // The streams decided on lately, folded: a command reads only what was appended to its stream since.
  const states = new StreamStates<GovernanceState>();
  const handlerWith = (newId: (indexInBatch: number) => string) =>
    // Conflicts across processes (service instances, the CLI beside a service) retry out of step.
    commandHandler({
      store,
      decider: governanceDecider,
      serde: governanceEventSerde,
      newId,
      random: Math.random,
      states,
    });
  const handle = handlerWith(() => runtime.newId());

  const runNow = async (
    { command, key }: KeyedCommand,
    caller: Caller,
    options?: HandleOptions,
  ): Promise<ExecutionResult> => {
    // Who is calling bounds what may be recorded, before any decider runs.
    const checked = checkCaller(caller, command);
    if (!checked.ok) return { status: 'rejected', commandType: command.type, ...checked.refusal };
    const fingerprint = key === undefined ? undefined : commandFingerprint(command, caller);
    if (key !== undefined && fingerprint !== undefined) {
      const first = await keyedOutcome(store, streamFor(command), key);
      if (first !== undefined) return repeated(command, key, fingerprint, first);
    }
    // The recorded event a correction names (by id: the command does not name its stream).
    const correctionTarget =
      command.type === 'CorrectEvent' ? await store.readEvent(command.correctedEventId) : undefined;
    const correlationId = caller.correlationId ?? runtime.newId();
    // A keyed command's event ids follow from its key, so even a racing retry cannot append it twice.
    const handleThis =
      key === undefined || fingerprint === undefined ? handle : handlerWith(keyedEventIds(key, fingerprint));
    const outcome = await handleThis(
      streamFor(command),
      command,
      {
        commandId: key ?? runtime.newId(),
        actor: caller.actor,
        role: caller.role,
        ...(caller.unit === undefined ? {} : { unit: caller.unit }),
        ...(checked.onBehalfOf === undefined ? {} : { onBehalfOf: checked.onBehalfOf }),
        correlationId,
        effectiveAt: effectiveAtOf(command, correctionTarget),
      },
      // Read afresh for every attempt; the append fails when a fact the decider read has changed since.
      contextReader(async () => {
        const { context, position } = await loadContext();
        return consultedFacts(
          correctionTarget === undefined ? context : { ...context, correctionTarget },
          position,
        );
      }),
      options,
    )();
    if (E.isLeft(outcome)) return failed(command, outcome.left);
    const handled = outcome.right;
    return {
      status: 'accepted',
      commandType: command.type,
      streamId: handled.streamId,
      events: await appendedEvents(store, handled),
      revision: handled.revision,
      ...(handled.lastPosition === undefined ? {} : { position: handled.lastPosition }),
      correlationId,
    };
  };

  const queue = oneAtATime();
  const run = (keyed: KeyedCommand, caller: Caller, options?: HandleOptions) =>
    queue(streamFor(keyed.command), () => runNow(keyed, caller, options));

  return {
    execute: async (input, caller, options) => {
      const decoded = decodeKeyedCommand(input);
      if (E.isLeft(decoded)) return { status: 'invalid', errors: decoded.left.errors };
      return run(decoded.right, caller, options);
    },
    executeBatch: async (inputs, caller) => {
      const decoded = inputs.map(decodeKeyedCommand);
      if (decoded.some(E.isLeft)) {
        return decoded.map((d): BatchItem =>
          E.isLeft(d) ? { status: 'invalid', errors: d.left.errors } : { status: 'not_run' },
        );
      }
      const items: BatchItem[] = [];
      for (const keyed of decoded.flatMap((d) => (E.isRight(d) ? [d.right] : []))) {
        const last = items[items.length - 1];
        items.push(
          last === undefined || last.status === 'accepted' ? await run(keyed, caller) : { status: 'not_run' },
        );
      }
      return items;
    },
  };
};

/** One command, once: for callers that do not keep an executor (a long-running service should keep one). */
export const executeCommand = (
  store: EventReader & EventWriter,
  input: unknown,
  caller: Caller,
  runtime: Runtime = systemRuntime,
  options?: HandleOptions,
): Promise<ExecutionResult> => createCommandExecutor(store, runtime).execute(input, caller, options);

import * as E from 'fp-ts/Either';
import type { RecordedEvent } from '@styring/eventstore';
import { governanceContextFrom } from '../context/governance-context';
import { governanceEventSerde } from '../event-serde';
import type { GovernanceCommand } from '../governance-command';
import { governanceDecider } from '../governance-decider';
import { streamFor } from '../stream-for';

const unwrap = <A>(result: E.Either<unknown, A>, what: string): A => {
  if (E.isLeft(result)) throw new Error(`${what}: ${JSON.stringify(result.left)}`);
  return result.right;
};

/**
 * Runs commands the way the command handler does, in memory: each on its own stream's state and the context
 * folded from everything before it. Event ids are `{streamId}.{revision}`, so a correction can name one.
 */
export const runHistory = (commands: readonly GovernanceCommand[]): RecordedEvent[] => {
  const log: RecordedEvent[] = [];
  for (const command of commands) {
    const streamId = streamFor(command);
    const stream = log.filter((event) => event.streamId === streamId);
    const state = stream
      .map((event) => unwrap(governanceEventSerde.fromRecorded(event), 'undecodable'))
      .reduce(governanceDecider.evolve, governanceDecider.initialState);
    const context = unwrap(governanceContextFrom(log), 'context');
    const target =
      command.type === 'CorrectEvent'
        ? log.find((event) => event.eventId === command.correctedEventId)
        : undefined;
    const events = unwrap(
      governanceDecider.decide(
        command,
        state,
        target === undefined ? context : { ...context, correctionTarget: target },
      ),
      `${command.type} on ${streamId} was rejected`,
    );
    events.forEach((event, index) => {
      const streamRevision = BigInt(stream.length + index);
      log.push({
        ...governanceEventSerde.toStored(event),
        eventId: `${streamId}.${streamRevision}`,
        metadata: {
          actor: 'demo',
          role: 'sekretariat',
          correlationId: `c-${log.length}`,
          causationId: `cmd-${log.length}`,
          effectiveAt: 'decision' in command ? command.decision.decidedOn : '2024-01-01',
        },
        streamId,
        streamRevision,
        globalPosition: BigInt(log.length + 1),
        recordedAt: `2025-01-01T00:00:${String(log.length % 60).padStart(2, '0')}.000Z`,
      });
    });
  }
  return log;
};

import type { EventReader, EventWriter } from '@styring/eventstore';
import { type CommandExecutor, createCommandExecutor } from '../command-executor';
import type { ExecutionResult } from '../execution-result';
import { type Runtime, systemRuntime } from '../runtime';
import { type DemoRecordingClock, recordingMoment } from './demo-clock';
import { demoHistory } from './demo-history';
import { type DemoStep, recordedDayOf } from './demo-step';

/** The demo cannot be written: the store holds events already, or a step did not go through. */
export class DemoSeedError extends Error {
  override readonly name = 'DemoSeedError';
}

export interface DemoSeeded {
  readonly commands: number;
  readonly events: number;
}

const describe = (step: DemoStep, index: number, result: ExecutionResult): string => {
  const what = `demo step ${index + 1} (${step.on}, recorded ${recordedDayOf(step)})`;
  switch (result.status) {
    case 'rejected':
      return `${what} was rejected: ${result.code}: ${result.messageEn}`;
    case 'invalid':
      return `${what} is invalid: ${result.errors.map((e) => `${e.path}: ${e.messageEn}`).join('; ')}`;
    default:
      return `${what} ended as ${result.status}`;
  }
};

const hasEvents = async (store: EventReader): Promise<boolean> => {
  for await (const _event of store.readAll({ maxCount: 1 })) return true;
  return false;
};

export interface SeedDemoOptions {
  readonly runtime?: Runtime;
  /**
   * The clock the store was opened with (`openStore(url, { clock: recording.clock })`): each step is then
   * recorded on the day the story says it was entered. Without it the whole demo is recorded now.
   */
  readonly recording?: DemoRecordingClock;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Writes the Lørenskog demo history through the same executor every user's command goes through, so every
 * rule is honoured. Refuses a store that already holds events: the demo is FICTITIOUS and must never be
 * mixed into a real history (nor written twice).
 */
export const seedDemo = async (
  store: EventReader & EventWriter,
  options: SeedDemoOptions = {},
): Promise<DemoSeeded> => {
  if (await hasEvents(store)) {
    throw new DemoSeedError('the store already holds events; the demo is only written into an empty store');
  }
  const runtime = options.runtime ?? systemRuntime;
  const executor: CommandExecutor = createCommandExecutor(
    store,
    options.recording === undefined ? runtime : { ...runtime, clock: options.recording.clock },
  );
  const written = new Map<string, string>();
  let events = 0;
  let day: string | undefined;
  let nthOfDay = 0;
  try {
    for (const [index, step] of demoHistory.entries()) {
      nthOfDay = recordedDayOf(step) === day ? nthOfDay + 1 : 0;
      day = recordedDayOf(step);
      options.recording?.recordAt(recordingMoment(day, nthOfDay));
      const command = typeof step.command === 'function' ? step.command(written) : step.command;
      const result = await executor.execute(command, step.caller);
      if (result.status !== 'accepted') throw new DemoSeedError(describe(step, index, result));
      const first = result.events[0];
      if (step.label !== undefined && first !== undefined) written.set(step.label, first.eventId);
      events += result.events.length;
      options.onProgress?.(index + 1, demoHistory.length);
    }
  } finally {
    options.recording?.recordAt(undefined);
  }
  return { commands: demoHistory.length, events };
};

import type { EventReader, EventWriter } from '@styring/eventstore';
import { type CommandExecutor, createCommandExecutor } from '../command-executor';
import type { ExecutionResult } from '../execution-result';
import { type Runtime, systemRuntime } from '../runtime';
import { demoHistory } from './demo-history';
import type { DemoStep } from './demo-step';

/** The demo cannot be written: the store holds events already, or a step did not go through. */
export class DemoSeedError extends Error {
  override readonly name = 'DemoSeedError';
}

export interface DemoSeeded {
  readonly commands: number;
  readonly events: number;
}

const describe = (step: DemoStep, index: number, result: ExecutionResult): string => {
  const what = `demo step ${index + 1} (${step.on})`;
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

/**
 * Writes the Lørenskog demo history through the same executor every user's command goes through, so every
 * rule is honoured. Refuses a store that already holds events: the demo is FICTITIOUS and must never be
 * mixed into a real history (nor written twice).
 */
export const seedDemo = async (
  store: EventReader & EventWriter,
  options: { readonly runtime?: Runtime; readonly onProgress?: (done: number, total: number) => void } = {},
): Promise<DemoSeeded> => {
  if (await hasEvents(store)) {
    throw new DemoSeedError('the store already holds events; the demo is only written into an empty store');
  }
  const executor: CommandExecutor = createCommandExecutor(store, options.runtime ?? systemRuntime);
  const written = new Map<string, string>();
  let events = 0;
  for (const [index, step] of demoHistory.entries()) {
    const command = typeof step.command === 'function' ? step.command(written) : step.command;
    const result = await executor.execute(command, step.caller);
    if (result.status !== 'accepted') throw new DemoSeedError(describe(step, index, result));
    const first = result.events[0];
    if (step.label !== undefined && first !== undefined) written.set(step.label, first.eventId);
    events += result.events.length;
    options.onProgress?.(index + 1, demoHistory.length);
  }
  return { commands: demoHistory.length, events };
};

import type { Clock } from '@styring/eventstore';
import { systemRuntime } from '../runtime';

/**
 * The clock a store records the demo by (`recordedAt` is the store's): while `seedDemo` writes a step it
 * reads the moment the story says that step was entered, otherwise the time given as `fallback` (the
 * system's). Open the store with its `clock`, and hand the same object to `seedDemo`.
 */
export interface DemoRecordingClock {
  readonly clock: Clock;
  /** The moment the next appends are recorded at; `undefined` hands the clock back to `fallback`. */
  recordAt(moment: Date | undefined): void;
}

export const demoRecordingClock = (fallback: Clock = systemRuntime.clock): DemoRecordingClock => {
  let moment: Date | undefined;
  return {
    clock: () => moment ?? fallback(),
    recordAt: (next) => {
      moment = next;
    },
  };
};

const minutesBetweenSteps = 5;

/** The `nth` step entered on `day` (from 0): from 08:00 UTC (09:00 or 10:00 in Oslo), 5 minutes apart. */
export const recordingMoment = (day: string, nth: number): Date =>
  new Date(Date.parse(`${day}T08:00:00.000Z`) + nth * minutesBetweenSteps * 60_000);

import { openStore, runExport } from '@styring/app';
import { readModelQueries } from '@styring/nestjs';
import { exportRegisters } from '@styring/read-routes';

/**
 * The export as `styring export` makes it, of a SQLite store: the read models kept in the store caught up
 * (built, the first time) and held, then the events and one CSV per register. Its own module, loaded only
 * by the phase that runs it, so that the bench's other phases do not carry what it loads in their memory.
 * Returns the number of events exported.
 */
export const exportWithRegisters = async (
  storeFile: string,
  options: {
    readonly directory: string;
    readonly keyFile: string;
    readonly origin: string;
    readonly onPhase: (phase: string) => void;
  },
): Promise<number> => {
  const store = await openStore(`sqlite:${storeFile}`);
  try {
    const summary = await runExport(store, { ...options, registers: exportRegisters(readModelQueries) });
    return summary.eventCount;
  } finally {
    await store.close();
  }
};

import { randomUUID } from 'node:crypto';
import type { Clock, IdGenerator } from '@styring/eventstore';

/** Time and ids for the layers below, which never take them from the system themselves. */
export interface Runtime {
  readonly clock: Clock;
  readonly newId: IdGenerator;
}

export const systemRuntime: Runtime = { clock: () => new Date(), newId: randomUUID };

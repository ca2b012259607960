import { createServer } from 'node:net';
import { type EventStoreFailure, isEventStoreFailure } from '@styring/eventstore';

/**
 * The EventStoreFailure a promise rejects with. Fails the test when the promise resolves, and rethrows any
 * other error, so that only the store's own failures are compared.
 */
export const failureOf = (promise: Promise<unknown>): Promise<EventStoreFailure> =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => {
      if (!isEventStoreFailure(error)) throw error;
      return error;
    },
  );

/** A port on 127.0.0.1 where nothing listens: the OS lent it and it was given back. */
export const closedPort = (): Promise<number> =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

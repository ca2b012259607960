import { Injectable } from '@nestjs/common';

/**
 * Lets one writer at a time into the store's file from this process: a command's append, a read-model
 * catch-up or a checkpoint save. The SQLite store waits for a busy lock synchronously, blocking the event
 * loop, while a read-model transaction on the same file may be waiting for that very loop to commit – two
 * writers of one process would wait for each other until the lock times out. Other processes are not
 * affected: their lock holders do not need our event loop.
 */
@Injectable()
export class StoreGate {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.tail.then(work);
    this.tail = turn.catch(() => undefined);
    return turn;
  }
}

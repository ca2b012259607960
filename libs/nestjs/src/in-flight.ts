import { Injectable, ServiceUnavailableException } from '@nestjs/common';

/** Counts commands being executed, so shutdown can wait for their appends and refuse new ones. */
@Injectable()
export class InFlight {
  private running = new Set<Promise<unknown>>();
  private closing = false;

  /** Runs `work` unless shutdown has begun; shutdown then waits for it. */
  track<T>(work: () => Promise<T>): Promise<T> {
    if (this.closing) {
      throw new ServiceUnavailableException({
        error: 'shutting_down',
        message: 'Tjenesten stenger; prøv igjen om litt.',
        messageEn: 'the service is shutting down; nothing was written',
      });
    }
    const promise = work();
    this.running.add(promise);
    const forget = () => this.running.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  /** Refuses new work and resolves when the work already running has ended. */
  async drained(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.running]);
  }
}

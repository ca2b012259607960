import { Injectable } from '@nestjs/common';

/** Answers that prove the store was read or written: a success, a refusal by a rule, a conflict. */
const usedTheStore = (status: number) => (status >= 200 && status < 300) || status === 409 || status === 422;

/**
 * What the requests that use the store last found. A store that opens but cannot be read or written
 * (corrupt pages, an undecodable event, a full disk) fails requests with 500 while a one-event probe still
 * works; so a 500 is remembered, and `/health` reports the store as failing until a request succeeds again.
 */
@Injectable()
export class StoreHealth {
  private failing: { readonly status: number; readonly at: string } | undefined;

  observe(status: number, at: Date = new Date()): void {
    if (status >= 500 && status !== 503) this.failing = { status, at: at.toISOString() };
    else if (usedTheStore(status)) this.failing = undefined;
  }

  /** The last failure, while no request has succeeded since. */
  get lastFailure(): { readonly status: number; readonly at: string } | undefined {
    return this.failing;
  }
}

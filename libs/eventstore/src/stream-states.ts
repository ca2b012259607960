/** A stream's folded state and the revision it was folded up to. */
export interface FoldedStream<State> {
  readonly revision: bigint;
  readonly state: State;
}

/**
 * The folded states of the streams a command handler decided on lately, so that the next command on one
 * reads only the events appended after it (by anyone) instead of the whole stream. A stream only grows, so
 * a state folded up to a revision stays right for that prefix. States must be immutable, as a decider's
 * `evolve` returns a new one. Bounded: the least recently used stream goes first.
 */
export class StreamStates<State> {
  readonly #folded = new Map<string, FoldedStream<State>>();

  constructor(readonly capacity = 1000) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    }
  }

  get(streamId: string): FoldedStream<State> | undefined {
    const folded = this.#folded.get(streamId);
    if (folded !== undefined) {
      // Most recently used last, so that the first key is the one to evict.
      this.#folded.delete(streamId);
      this.#folded.set(streamId, folded);
    }
    return folded;
  }

  set(streamId: string, folded: FoldedStream<State>): void {
    const known = this.#folded.get(streamId);
    // Another attempt may have folded further meanwhile: never go back.
    if (known !== undefined && known.revision > folded.revision) return;
    this.#folded.delete(streamId);
    this.#folded.set(streamId, folded);
    if (this.#folded.size > this.capacity) {
      const oldest = this.#folded.keys().next().value as string;
      this.#folded.delete(oldest);
    }
  }
}

/**
 * Sends appends to the server in groups: while one group is in flight, the appends that come meanwhile
 * wait, and go together as the next group, in one round trip, one transaction and one commit. A lone append
 * goes at once. `commit` answers each job of a group in order; when it throws, the whole group failed (and,
 * being one transaction, nothing of it was stored) and every job fails with that error. A job's promise
 * settles only after its group's commit returned.
 */
export class AppendPipeline<Job, Result> {
  #waiting: { job: Job; resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];
  #inFlight = false;

  constructor(private readonly commit: (jobs: readonly Job[]) => Promise<readonly Result[]>) {}

  submit(job: Job): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.#waiting.push({ job, resolve, reject });
      if (!this.#inFlight) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#inFlight = true;
    while (this.#waiting.length > 0) {
      const group = this.#waiting;
      this.#waiting = [];
      try {
        const results = await this.commit(group.map((waiting) => waiting.job));
        group.forEach((waiting, n) => waiting.resolve(results[n]!));
      } catch (error) {
        for (const waiting of group) waiting.reject(error);
      }
    }
    this.#inFlight = false;
  }
}

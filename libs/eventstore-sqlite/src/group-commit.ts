/** How one job of a group came out: its own result, or the error that failed it alone. */
export type Settled<Result> =
  { readonly ok: true; readonly result: Result } | { readonly ok: false; readonly error: unknown };

/**
 * Gathers the jobs submitted while the process is busy and hands them to `commit` together, once the
 * current turn of the event loop is over: the appends waiting at that moment share one transaction and
 * one fsync. `commit` settles each job on its own (one failing fails only itself); when it throws, nothing
 * of the group was committed and every job fails with that error. A job's promise settles only after
 * `commit` returned, that is after the commit.
 */
export class GroupCommit<Job, Result> {
  #waiting: { job: Job; resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];

  constructor(private readonly commit: (jobs: readonly Job[]) => readonly Settled<Result>[]) {}

  submit(job: Job): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.#waiting.push({ job, resolve, reject });
      if (this.#waiting.length === 1) setImmediate(() => this.flush());
    });
  }

  /** Commits what is waiting now (also called before the store closes). */
  flush(): void {
    const group = this.#waiting;
    if (group.length === 0) return;
    this.#waiting = [];
    let settled: readonly Settled<Result>[];
    try {
      settled = this.commit(group.map((waiting) => waiting.job));
    } catch (error) {
      for (const waiting of group) waiting.reject(error);
      return;
    }
    settled.forEach((outcome, n) => {
      const waiting = group[n]!;
      if (outcome.ok) waiting.resolve(outcome.result);
      else waiting.reject(outcome.error);
    });
  }
}

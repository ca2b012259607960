/**
 * `work` shared by concurrent callers: a call while a run is in progress waits for the next run, which
 * begins when that one ends and serves every call that came meanwhile. Each caller still gets a run that
 * began after it called (a query sees every append made before it arrived), and any number of concurrent
 * callers cost two runs at most instead of one each. Runs never overlap. Each caller gets its run's result.
 */
export const coalesced = <T>(work: () => Promise<T>): (() => Promise<T>) => {
  let running: Promise<T> | undefined;
  let next: Promise<T> | undefined;
  const start = (): Promise<T> => {
    const run: Promise<T> = work().finally(() => {
      if (running === run) running = undefined;
    });
    running = run;
    return run;
  };
  return () => {
    if (running === undefined) return start();
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return start();
      });
    return next;
  };
};

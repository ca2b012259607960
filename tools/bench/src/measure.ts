/** Runs `work` once and returns how many `count` units per second it did. */
export const perSecond = async (count: number, work: () => unknown): Promise<number> => {
  const started = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return count / seconds;
};

/** The best of several runs: reads are short, and the first run also pays for compiling the code. */
export const bestPerSecond = async (runs: number, count: number, work: () => unknown): Promise<number> => {
  let best = 0;
  for (let run = 0; run < runs; run++) best = Math.max(best, await perSecond(count, work));
  return best;
};

/** Runs `work` once and returns how many `count` units per second it did. */
export const perSecond = async (count: number, work: () => unknown): Promise<number> => {
  const started = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return count / seconds;
};

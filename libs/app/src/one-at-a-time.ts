/**
 * Runs tasks one after another per key, and tasks of different keys side by side. The executor keys its
 * commands by stream: commands on one stream in one process then wait for each other instead of racing for
 * the same revision and retrying, which under load could use up their retries. Across processes the
 * store's optimistic concurrency still decides.
 */
export const oneAtATime = () => {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const result = (tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
};

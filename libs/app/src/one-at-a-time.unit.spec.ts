import { oneAtATime } from './one-at-a-time';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('oneAtATime', () => {
  it('runs the tasks of one key in the order given, never two at once, even when one fails', async () => {
    const queue = oneAtATime();
    const log: string[] = [];
    const task =
      (name: string, fails = false) =>
      async () => {
        log.push(`${name} starts`);
        await tick();
        log.push(`${name} ends`);
        if (fails) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      queue('stream-a', task('first')),
      queue('stream-a', task('second', true)),
      queue('stream-a', task('third')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual([
      'first starts',
      'first ends',
      'second starts',
      'second ends',
      'third starts',
      'third ends',
    ]);
  });

  it('runs the tasks of different keys side by side', async () => {
    const queue = oneAtATime();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} starts`);
      await tick();
      log.push(`${name} ends`);
    };
    await Promise.all([queue('stream-a', task('a')), queue('stream-b', task('b'))]);
    expect(log).toEqual(['a starts', 'b starts', 'a ends', 'b ends']);
  });
});

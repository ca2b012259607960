import fc from 'fast-check';
import { forEachInOrder, isPromise, mapInOrder } from './maybe-promise';

/** Steps that return their result at once (false) or as a promise (true). */
const stepKinds = fc.array(fc.boolean(), { maxLength: 12 });

describe('maybe-promise chaining', () => {
  it('runs every step in order, and stays synchronous exactly when no step returns a promise', async () => {
    await fc.assert(
      fc.asyncProperty(stepKinds, async (kinds) => {
        const order: number[] = [];
        const result = mapInOrder(
          kinds.map((async, n) => ({ async, n })),
          ({ async, n }) => {
            order.push(n);
            return async ? Promise.resolve(n * 2) : n * 2;
          },
        );

        expect(isPromise(result)).toBe(kinds.includes(true));
        expect(await result).toEqual(kinds.map((_, n) => n * 2));
        expect(order).toEqual(kinds.map((_, n) => n));
      }),
    );
  });

  it('does not start a step before the promise of the one before has resolved', async () => {
    const started: string[] = [];
    let release = () => {};
    const done = forEachInOrder(['slow', 'next'], (name) => {
      started.push(name);
      return name === 'slow' ? new Promise<void>((resolve) => (release = resolve)) : undefined;
    });

    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['slow']);
    release();
    await done;
    expect(started).toEqual(['slow', 'next']);
  });

  it('stops at a step that throws or rejects', async () => {
    const ran: number[] = [];
    expect(() =>
      forEachInOrder([1, 2, 3], (n) => {
        ran.push(n);
        if (n === 2) throw new Error('step 2 failed');
      }),
    ).toThrow('step 2 failed');
    await expect(
      forEachInOrder([4, 5, 6], (n) => {
        ran.push(n);
        return n === 5 ? Promise.reject(new Error('step 5 failed')) : undefined;
      }),
    ).rejects.toThrow('step 5 failed');
    expect(ran).toEqual([1, 2, 4, 5]);
  });
});

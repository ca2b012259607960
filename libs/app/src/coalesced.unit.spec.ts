import { coalesced } from './coalesced';

/** A run the test ends by hand, so it can call while one is in progress. */
const runs = () => {
  const started: { end: () => void; fail: (error: Error) => void }[] = [];
  const work = () =>
    new Promise<void>((end, fail) => {
      started.push({ end, fail });
    });
  return { started, work };
};

const settled = async (promise: Promise<void>) => {
  let state = 'pending';
  promise.then(
    () => (state = 'done'),
    (error: Error) => (state = `failed: ${error.message}`),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return state;
};

describe('a coalesced catch-up', () => {
  it('serves every call made during a run with one next run, begun after they called', async () => {
    const { started, work } = runs();
    const catchUp = coalesced(work);
    const first = catchUp();
    const during = [catchUp(), catchUp(), catchUp()];
    expect(started).toHaveLength(1);
    started[0]!.end();
    expect(await settled(first)).toBe('done');
    // The calls made during the first run are not answered by it: it may have begun before their appends.
    expect(await Promise.all(during.map(settled))).toEqual(['pending', 'pending', 'pending']);
    expect(started).toHaveLength(2);
    started[1]!.end();
    expect(await Promise.all(during.map(settled))).toEqual(['done', 'done', 'done']);
    // With nothing in progress, a call starts a run of its own at once.
    const after = catchUp();
    expect(started).toHaveLength(3);
    started[2]!.end();
    expect(await settled(after)).toBe('done');
  });

  it('fails only the calls its failed run served, and runs again for the next', async () => {
    const { started, work } = runs();
    const catchUp = coalesced(work);
    const first = catchUp();
    const during = catchUp();
    started[0]!.fail(new Error('disk full'));
    expect(await settled(first)).toBe('failed: disk full');
    started[1]!.end();
    expect(await settled(during)).toBe('done');
  });
});

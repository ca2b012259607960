import { StreamStates } from './stream-states';

describe('StreamStates', () => {
  it('keeps the most recently used streams, up to its capacity', () => {
    const states = new StreamStates<string>(2);
    states.set('a', { revision: 0n, state: 'a0' });
    states.set('b', { revision: 0n, state: 'b0' });
    expect(states.get('a')).toEqual({ revision: 0n, state: 'a0' });
    states.set('c', { revision: 0n, state: 'c0' });
    expect(states.get('b')).toBeUndefined();
    expect(states.get('a')?.state).toBe('a0');
    expect(states.get('c')?.state).toBe('c0');
  });

  it('never goes back to an earlier revision of a stream', () => {
    const states = new StreamStates<string>();
    states.set('a', { revision: 3n, state: 'a3' });
    states.set('a', { revision: 2n, state: 'a2' });
    expect(states.get('a')).toEqual({ revision: 3n, state: 'a3' });
    states.set('a', { revision: 4n, state: 'a4' });
    expect(states.get('a')).toEqual({ revision: 4n, state: 'a4' });
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new StreamStates(0)).toThrow('capacity must be a positive integer, got 0');
    expect(() => new StreamStates(1.5)).toThrow(RangeError);
  });
});

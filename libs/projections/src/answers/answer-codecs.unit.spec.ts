import { isRight } from 'fp-ts/Either';
import { globalPosition } from './answer-codecs';

describe('globalPosition', () => {
  it('writes a position as decimal digits and reads it back exactly, past 2^53', () => {
    const position = 2n ** 63n - 1n;
    expect(globalPosition.encode(position)).toBe('9223372036854775807');
    expect(globalPosition.decode('9223372036854775807')).toEqual({ _tag: 'Right', right: position });
  });

  it.each(['', '-1', '1.5', '12a', 12])('refuses %p as a position', (value) => {
    expect(isRight(globalPosition.decode(value))).toBe(false);
  });
});

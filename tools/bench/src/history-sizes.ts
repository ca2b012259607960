/** History lengths from a flag or variable, e.g. `250000,1000000` or `250_000,1_000_000`. */
export const parseSizes = (text: string): number[] =>
  text.split(',').map((part) => {
    const size = Number(part.replaceAll('_', ''));
    if (!Number.isSafeInteger(size) || size <= 0)
      throw new Error(`--events: '${part}' is not a positive whole number`);
    return size;
  });

/** The lengths in the environment variable `name`, or `defaults` when it is not set. */
export const configuredSizes = (name: string, defaults: readonly number[]): readonly number[] => {
  const text = process.env[name];
  return text === undefined ? defaults : parseSizes(text);
};

/** JSON for programs: bigints (revisions, positions) as decimal strings, one value per line. */
export const jsonLine = (value: unknown): string =>
  `${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}\n`;

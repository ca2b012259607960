/** A cell padded to `width`, or cut to it with an ellipsis: tables for people keep their columns. */
export const fit = (text: string, width: number): string =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width, ' ');

/** Prints rows under a title as an aligned plain-text table: the one printer every benchmark section uses. */
export const formatTable = (
  title: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
) => {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ');
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [title, '', line(header), rule, ...rows.map(line), ''].join('\n');
};

/** `12 345` style grouping, readable in any locale. */
export const formatCount = (value: number) => Math.round(value).toLocaleString('en-US').replaceAll(',', ' ');

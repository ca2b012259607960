import type { DecisionLogEntry } from '@styring/governance';

const columns: ReadonlyArray<{
  readonly header: string;
  readonly width: number;
  readonly cell: (e: DecisionLogEntry) => string;
}> = [
  { header: 'Dato', width: 10, cell: (e) => e.decidedOn },
  { header: 'Organ', width: 17, cell: (e) => (e.unit === undefined ? e.body : `${e.body} (${e.unit})`) },
  { header: 'Saksnr', width: 10, cell: (e) => e.caseNumber },
  { header: 'Type', width: 24, cell: (e) => e.kind },
  {
    header: 'Hjemmel',
    width: 28,
    cell: (e) =>
      e.authority.kind === 'law' ? e.authority.reference : `delegering ${e.authority.delegationId}`,
  },
  { header: 'Vedtak', width: 70, cell: (e) => e.summary },
];

const fit = (text: string, width: number) =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width, ' ');

/** The decision log as a table for people: one line per decision, long cells cut with an ellipsis. */
export const decisionTable = (entries: readonly DecisionLogEntry[]): string => {
  const line = (cells: readonly string[]) =>
    `${cells
      .map((cell, index) => fit(cell, columns[index]?.width ?? cell.length))
      .join('  ')
      .trimEnd()}\n`;
  return [
    line(columns.map((c) => c.header)),
    line(columns.map((c) => '-'.repeat(c.width))),
    ...entries.map((entry) => line(columns.map((c) => c.cell(entry)))),
  ].join('');
};

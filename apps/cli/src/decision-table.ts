import { bodyLabels, type DecidingBody, type DecisionLogEntry } from '@styring/governance';
import { fit } from './fit-cell';

const bodyOf = (entry: DecisionLogEntry): string => {
  const label = bodyLabels[entry.body as DecidingBody] ?? entry.body;
  return entry.bodyUnit === undefined ? label : `${label}, ${entry.bodyUnit}`;
};

const authorityOf = (entry: DecisionLogEntry): string =>
  entry.authority.kind === 'law' ? entry.authority.reference : `fullmakt ${entry.authority.delegationId}`;

/** A decision recorded though the body had no authority says so first, where the authority stands. */
const withoutAuthorityMark = (entry: DecisionLogEntry): string =>
  entry.recordedWithoutAuthority === undefined ? '' : 'UTEN MYNDIGHET – ';

const columns: ReadonlyArray<{
  readonly header: string;
  readonly width: number;
  readonly cell: (entry: DecisionLogEntry) => string;
}> = [
  { header: 'Dato', width: 10, cell: (e) => e.decidedOn },
  { header: 'Vedtatt av', width: 30, cell: bodyOf },
  { header: 'Saksnr', width: 9, cell: (e) => e.caseNumber },
  { header: 'Hjemmel', width: 30, cell: (e) => `${withoutAuthorityMark(e)}${authorityOf(e)}` },
  { header: 'Vedtak', width: 90, cell: (e) => e.summary },
];

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

import * as fs from 'node:fs';
import * as path from 'node:path';
import { callerAuthorityMarkdown } from './caller-authority-table';

/** A Markdown table as rows of trimmed cells, without the separator row: Prettier may realign it. */
const cellsOf = (table: string): string[][] =>
  table
    .trim()
    .split('\n')
    .map((row) =>
      row
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim()),
    )
    .filter((cells) => !cells.every((cell) => /^-+$/.test(cell)));

describe('libs/app/README.md', () => {
  it('shows the caller → body/unit table the code applies', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const shown = /<!-- caller-authority:start -->([\s\S]*?)<!-- caller-authority:end -->/.exec(readme)?.[1];
    expect(shown).toBeDefined();
    expect(cellsOf(shown ?? '')).toEqual(cellsOf(callerAuthorityMarkdown()));
  });
});

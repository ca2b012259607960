import * as fs from 'node:fs';
import * as path from 'node:path';
import { callerAuthorityMarkdown, commandRolesMarkdown } from './caller-authority-table';

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

const readme = () => fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
const shownBetween = (marker: string): string | undefined =>
  new RegExp(`<!-- ${marker}:start -->([\\s\\S]*?)<!-- ${marker}:end -->`).exec(readme())?.[1];

describe('libs/app/README.md', () => {
  it('shows the caller → body/unit table the code applies', () => {
    const shown = shownBetween('caller-authority');
    expect(shown).toBeDefined();
    expect(cellsOf(shown ?? '')).toEqual(cellsOf(callerAuthorityMarkdown()));
  });

  it('shows the role × command table the code applies', () => {
    const shown = shownBetween('command-roles');
    expect(shown).toBeDefined();
    expect(cellsOf(shown ?? '')).toEqual(cellsOf(commandRolesMarkdown()));
  });
});

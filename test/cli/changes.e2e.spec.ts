import * as fs from 'node:fs';
import * as path from 'node:path';
import { repositoryRoot } from '../support/run-process';
import { scratchDirectory, styring } from './styring';

/** The root README's `npx styring …` examples that read the demo store (`styring demo` writes it). */
const readmeReads = [
  ...fs
    .readFileSync(path.join(repositoryRoot, 'README.md'), 'utf8')
    .matchAll(/^npx styring ((?:history|changes) .*--store sqlite:data\/demo\/styring\.db.*)$/gm),
].map((match) => (match[1] ?? '').split(/\s+/));

/** `styring changes` and the README's reads on a fresh `styring demo`. */
describe('styring changes', () => {
  const scratch = scratchDirectory();
  const demoStore = ['--store', 'sqlite:data/demo/styring.db'];

  beforeAll(async () => {
    expect((await styring(scratch.dir, ['demo'])).code).toBe(0);
  }, 120_000);
  afterAll(scratch.remove);

  it.each(readmeReads)('runs the README example %s … with something to show', async (...args) => {
    const result = await styring(scratch.dir, args);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/: 0 vedtak/);
    expect(result.stdout.split('\n').length).toBeGreaterThan(5);
  });

  it('shows a report registered late and corrected months later, as text and as JSON', async () => {
    const october = ['changes', '--from', '2025-09-30', '--to', '2025-10-31', ...demoStore];
    const text = await styring(scratch.dir, october);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Korrigeringer: 1');
    expect(text.stdout).toContain('submittedOn: "2025-07-04" → "2025-06-04"');
    expect(text.stdout).toMatch(
      /2025-01-01–2025-04-30 \(frist 2025-06-11\): levert-for-sent → levert-i-tide/,
    );

    const json = JSON.parse((await styring(scratch.dir, [...october, '--json'])).stdout);
    expect(json.corrections).toEqual([
      expect.objectContaining({ field: 'submittedOn', reason: expect.stringContaining('feil måned') }),
    ]);
  });

  it.each([
    [['--from', 'i fjor', '--to', '2025-12-31'], '--from'],
    [['--from', '2025-12-31', '--to', '2025-06-30'], '--to'],
    [['--to', '2025-12-31'], '--from'],
  ])('refuses %j with exit 2, naming %s', async (range, flag) => {
    const result = await styring(scratch.dir, ['changes', ...range, ...demoStore]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(flag);
  });
});

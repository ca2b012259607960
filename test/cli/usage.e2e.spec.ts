import * as fs from 'node:fs';
import * as path from 'node:path';
import { commandSpecs } from '@styring/governance';
import { processIo } from '../../apps/cli/src/cli-io';
import { buildProgram } from '../../apps/cli/src/program';
import { runProcess } from '../support/run-process';
import { scratchDirectory, styring, styringBin } from './styring';

/** Usage errors exit 2 with a hint and touch nothing; help exits 0. */
describe('styring: usage', () => {
  const scratch = scratchDirectory();
  afterAll(scratch.remove);

  it('lists every command in --help and exits 0', async () => {
    const result = await styring(scratch.dir, ['--help']);
    expect(result.code).toBe(0);
    // Every command the program registers, so a new one cannot be missed here.
    const registered = buildProgram({ io: processIo(), exit: () => undefined }).commands.map((command) =>
      command.name(),
    );
    expect(registered).toContain('tokens');
    for (const command of registered) {
      expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
  });

  it('lists every governance command type, with its summary, in exec --help', async () => {
    const result = await styring(scratch.dir, ['exec', '--help']);
    expect(result.code).toBe(0);
    for (const [type, spec] of Object.entries(commandSpecs)) {
      expect(result.stdout).toMatch(
        new RegExp(`^  ${type} +${spec.route.summary.replace(/[()]/g, '\\$&')}$`, 'm'),
      );
    }
  });

  it.each([
    ['history', '--help'],
    ['projections', 'rebuild', '--help'],
    ['keys', 'generate', '--help'],
  ])('gives help for %s %s', async (...args) => {
    const result = await styring(scratch.dir, args);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: styring ${args.filter((a) => a !== '--help').join(' ')}`);
  });

  it.each([
    [['history', '--bogus'], "unknown option '--bogus'", "see 'styring history --help'"],
    [['nonsense'], "unknown command 'nonsense'", "see 'styring --help'"],
    [['history', '--clock', 'yesterday'], "'yesterday' is invalid", 'recorded, effective'],
    [['history', '--as-of', '2024-13-45'], 'not a date', "see 'styring history --help'"],
    [['verify', 'some-export'], "'--public-key <file>' not specified", "see 'styring verify --help'"],
    [['keys', 'generate'], "'--out <dir>' not specified", "see 'styring keys generate --help'"],
    [['export'], "'--out <dir>' not specified", "see 'styring export --help'"],
    [['seed'], "'--demo' not specified", "see 'styring seed --help'"],
  ])('refuses %j with exit 2 and a hint', async (args, error, hint) => {
    const result = await styring(scratch.dir, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(error);
    expect(result.stderr).toContain(hint);
    expect(fs.readdirSync(scratch.dir)).toEqual([]);
  });

  it('refuses a store URL of an unknown scheme, naming the schemes it knows', async () => {
    const result = await styring(scratch.dir, ['history'], { env: { STYRING_STORE: 'mysql://localhost/x' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown store URL scheme 'mysql:'");
    expect(result.stderr).toContain('sqlite:PATH');
  });

  it('says to build first, with exit 2, when the compiled CLI is missing', async () => {
    const bin = path.join(scratch.dir, 'cli', 'bin', 'styring.js');
    fs.mkdirSync(path.dirname(bin), { recursive: true });
    fs.copyFileSync(styringBin, bin);
    const result = await runProcess(process.execPath, [bin, '--help'], { cwd: scratch.dir });
    fs.rmSync(path.join(scratch.dir, 'cli'), { recursive: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('run `npm run build`');
  });
});

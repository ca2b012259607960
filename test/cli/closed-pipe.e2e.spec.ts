import { spawn } from 'node:child_process';
import { scratchDirectory, styring, styringBin } from './styring';

/** `styring history | head`: the reader closes the pipe early, which is no error of ours. */
describe('a reader that stops early', () => {
  const scratch = scratchDirectory();
  beforeAll(async () => {
    expect((await styring(scratch.dir, ['init'])).code).toBe(0);
    expect((await styring(scratch.dir, ['seed', '--demo'])).code).toBe(0);
  }, 180_000);
  afterAll(scratch.remove);

  it.each([[['history']], [['history', '--json']]])('%j ends quietly with exit 0', async (args) => {
    const child = spawn(process.execPath, [styringBin, ...args], {
      cwd: scratch.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Closed before the first line is written: every write meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});

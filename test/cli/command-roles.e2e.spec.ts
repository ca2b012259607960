import * as path from 'node:path';
import { registerCompany } from '@styring/app/testing';
import { eventsIn } from './store-contents';
import { jsonLines, scratchDirectory, styring, tokenFlag } from './styring';

/**
 * `styring exec` checks which role may send a command as the service does (the shared command path): a
 * direktør registering a company is refused (exit 3) with the code the API (403) and the CommandBus give
 * (the without-authority specs of apps/api and libs/nestjs).
 */
describe('styring exec: a command the caller’s role may not send', () => {
  const scratch = scratchDirectory();
  const storeFile = path.join(scratch.dir, 'data', 'styring.db');
  const exec = async (token: string[], command: unknown) =>
    styring(scratch.dir, ['exec', '-', ...token], { input: JSON.stringify(command) });
  beforeAll(async () => {
    expect((await styring(scratch.dir, ['init'])).code).toBe(0);
  });
  afterAll(scratch.remove);

  it('refuses a direktør registering a company (exit 3), writes nothing, and logs the attempt', async () => {
    const direktor = await tokenFlag(scratch.dir, 'direktor', 'teknisk-sektor', 'dir-teknisk');
    const refused = await exec(direktor, registerCompany);
    expect(refused.code).toBe(3);
    expect(jsonLines(refused.stdout)).toEqual([
      expect.objectContaining({
        status: 'rejected',
        commandType: 'RegisterCompany',
        code: 'caller.command_not_allowed',
      }),
    ]);
    expect(await eventsIn(storeFile)).toEqual([]);
    const attempts = await styring(scratch.dir, ['attempts', '--json']);
    expect(jsonLines(attempts.stdout)).toEqual([
      expect.objectContaining({ actor: 'dir-teknisk', role: 'direktor', code: 'caller.command_not_allowed' }),
    ]);
    const kommunedirektor = await tokenFlag(scratch.dir, 'kommunedirektor', 'kommunedirektoren', 'kd');
    expect((await exec(kommunedirektor, registerCompany)).code).toBe(0);
  });
});

import * as path from 'node:path';
import {
  adoptPlanWithoutAuthority,
  establishUnitWithoutAuthority,
  withoutAuthorityReason as reason,
} from '@styring/app/testing';
import { eventsIn } from './store-contents';
import { jsonLines, scratchDirectory, styring, tokenFlag } from './styring';

/** `styring exec`: a decision without authority is refused (exit 3) unless STYV records it with a reason. */
describe('styring exec: recording a decision taken without authority', () => {
  const scratch = scratchDirectory();
  const storeFile = path.join(scratch.dir, 'data', 'styring.db');
  const exec = async (token: string[], command: unknown) =>
    styring(scratch.dir, ['exec', '-', ...token], { input: JSON.stringify(command) });
  let styv: string[];
  let kommunedirektor: string[];
  let virksomhetsleder: string[];
  beforeAll(async () => {
    expect((await styring(scratch.dir, ['init'])).code).toBe(0);
    styv = await tokenFlag(scratch.dir, 'styv', 'styv', 'internkontroll-1');
    kommunedirektor = await tokenFlag(scratch.dir, 'kommunedirektor', 'kommunedirektoren', 'kd');
    virksomhetsleder = await tokenFlag(scratch.dir, 'virksomhetsleder', 'biblioteket', 'vl');
  });
  afterAll(scratch.remove);

  it('refuses it by default and for a caller without the privilege (exit 3), writes nothing, and logs the attempt', async () => {
    const plain = await exec(kommunedirektor, adoptPlanWithoutAuthority());
    expect(plain.code).toBe(3);
    expect(jsonLines(plain.stdout)).toEqual([
      expect.objectContaining({ status: 'rejected', code: 'authority.delegation_required' }),
    ]);
    const asked = await exec(kommunedirektor, adoptPlanWithoutAuthority({ reason }));
    expect(asked.code).toBe(3);
    expect(jsonLines(asked.stdout)).toEqual([
      expect.objectContaining({ status: 'rejected', code: 'caller.without_authority_not_allowed' }),
    ]);
    expect(await eventsIn(storeFile)).toEqual([]);
    const attempts = await styring(scratch.dir, ['attempts', '--json']);
    expect(jsonLines(attempts.stdout)).toContainEqual(
      expect.objectContaining({ actor: 'kd', code: 'caller.without_authority_not_allowed' }),
    );
  });

  it('refuses an empty reason as invalid input (exit 2), naming the field', async () => {
    const result = await exec(styv, adoptPlanWithoutAuthority({ reason: '' }));
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('decision.recordedWithoutAuthority.reason');
  });

  it('records it for STYV with the reason (exit 0); the event carries the finding', async () => {
    const result = await exec(styv, adoptPlanWithoutAuthority({ reason }));
    expect(result.code).toBe(0);
    const [event] = await eventsIn(storeFile);
    expect(event?.data).toMatchObject({
      decision: {
        recordedWithoutAuthority: { reason, finding: { code: 'authority.delegation_required' } },
      },
    });
    expect(event?.metadata).toMatchObject({
      actor: 'internkontroll-1',
      role: 'styv',
      onBehalfOf: 'kommunedirektoren',
    });
    const history = await styring(scratch.dir, ['history']);
    expect(history.stdout).toMatch(/2025\/0031\s+UTEN MYNDIGHET – Kommuneloven/);
  });

  // The same case on the CommandBus (libs/nestjs) and over HTTP (apps/api), with the same codes.
  it('refuses a unit established without authority to a virksomhetsleder (exit 3), and records it for STYV', async () => {
    const before = (await eventsIn(storeFile)).length;
    const refused = await exec(virksomhetsleder, establishUnitWithoutAuthority({ reason }));
    expect(refused.code).toBe(3);
    expect(jsonLines(refused.stdout)).toEqual([
      expect.objectContaining({ status: 'rejected', code: 'caller.without_authority_not_allowed' }),
    ]);
    expect(await eventsIn(storeFile)).toHaveLength(before);
    const attempts = await styring(scratch.dir, ['attempts', '--json']);
    expect(jsonLines(attempts.stdout)).toContainEqual(
      expect.objectContaining({ actor: 'vl', code: 'caller.without_authority_not_allowed' }),
    );
    const recorded = await exec(styv, establishUnitWithoutAuthority({ reason }));
    expect(recorded.code).toBe(0);
    const events = await eventsIn(storeFile);
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({
      type: 'UnitEstablished',
      data: { decision: { recordedWithoutAuthority: { reason } } },
      metadata: { actor: 'internkontroll-1', role: 'styv', onBehalfOf: 'kommunedirektoren' },
    });
  });
});

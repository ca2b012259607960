import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultAudience, issueLocalToken, localIssuer, mintToken } from '@styring/app';
import { eventsIn } from './store-contents';
import { jsonLines, scratchDirectory, styring, tokenFlag } from './styring';

const councilDecision = {
  body: 'kommunestyret',
  decidedOn: '2024-03-20',
  caseNumber: '2024/0544',
  meeting: 'Kommunestyrets møte 20.03.2024',
  authority: { kind: 'law', reference: 'Kommuneloven § 5-3' },
};
const adoptStrategy = (planId: string) => ({
  type: 'AdoptPlan',
  planId,
  kind: 'strategi',
  title: `Strategi ${planId}`,
  period: { from: '2024-04-01', to: '2027-12-31' },
  decision: councilDecision,
});

/** `styring exec`: 0 accepted, 3 refused by a rule, 2 invalid input; what is refused is never written. */
describe('styring exec', () => {
  const scratch = scratchDirectory();
  const storeFile = path.join(scratch.dir, 'data', 'styring.db');
  let secretariat: string[];
  beforeAll(async () => {
    expect((await styring(scratch.dir, ['init'])).code).toBe(0);
    secretariat = await tokenFlag(scratch.dir, 'kommunestyre-sekretariat', 'styv', 'kari');
  });
  afterAll(scratch.remove);

  it('accepts a command from standard input (exit 0), records the caller from its token, and prints the result', async () => {
    const result = await styring(scratch.dir, ['exec', '-', ...secretariat], {
      input: JSON.stringify(adoptStrategy('hr-strategi')),
    });

    expect(result.code).toBe(0);
    const [printed] = jsonLines(result.stdout);
    const [event] = await eventsIn(storeFile);
    expect(printed).toEqual({
      index: 0,
      status: 'accepted',
      commandType: 'AdoptPlan',
      streamId: 'plan-hr-strategi',
      events: [{ eventId: event?.eventId, type: 'PlanAdopted', streamRevision: '0', globalPosition: '1' }],
      revision: '0',
      position: '1',
      correlationId: expect.any(String),
    });
    expect(event?.metadata).toMatchObject({
      actor: 'kari',
      role: 'kommunestyre-sekretariat',
      unit: 'styv',
      onBehalfOf: 'kommunestyret',
    });
  });

  it('takes the token from STYRING_TOKEN and the commands from a JSON Lines file', async () => {
    const file = path.join(scratch.dir, 'commands.jsonl');
    fs.writeFileSync(
      file,
      [adoptStrategy('eiendomsstrategi'), adoptStrategy('anskaffelsesstrategi')]
        .map((c) => JSON.stringify(c))
        .join('\n'),
    );
    const result = await styring(scratch.dir, ['exec', '--file', file], {
      env: {
        STYRING_TOKEN: (await tokenFlag(scratch.dir, 'kommunestyre-sekretariat', 'styv', 'per'))[1] ?? '',
      },
    });

    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout).map((line) => (line as { status: string }).status)).toEqual([
      'accepted',
      'accepted',
    ]);
    expect((await eventsIn(storeFile)).slice(-2).map((event) => event.metadata.actor)).toEqual([
      'per',
      'per',
    ]);
  });

  it('exits 3 with the rule’s code and message when a rule refuses, and writes nothing', async () => {
    const before = (await eventsIn(storeFile)).length;
    const byTheKommunedirektor = {
      ...adoptStrategy('klimastrategi'),
      decision: { ...councilDecision, body: 'kommunedirektoren', meeting: undefined },
    };
    const kommunedirektor = await tokenFlag(scratch.dir, 'kommunedirektor', 'kommunedirektoren');
    const result = await styring(scratch.dir, ['exec', '-', ...kommunedirektor], {
      input: JSON.stringify(byTheKommunedirektor),
    });

    expect(result.code).toBe(3);
    expect(jsonLines(result.stdout)).toEqual([
      expect.objectContaining({ status: 'rejected', code: 'plan.political_kind_requires_council' }),
    ]);
    expect(result.stderr).toContain('avvist (plan.political_kind_requires_council)');
    expect(await eventsIn(storeFile)).toHaveLength(before);
  });

  it('exits 2 naming the bad field when a command is invalid, and writes none of the batch', async () => {
    const before = (await eventsIn(storeFile)).length;
    const invalid = { ...adoptStrategy('trafikkplan'), period: { from: '2024-04-01', to: '2024-02-30' } };
    const result = await styring(scratch.dir, ['exec', '-', ...secretariat], {
      input: JSON.stringify([adoptStrategy('idrettsplan'), invalid]),
    });

    expect(result.code).toBe(2);
    expect(jsonLines(result.stdout)).toEqual([
      { index: 0, status: 'not_run' },
      { index: 1, status: 'invalid', errors: [expect.objectContaining({ path: 'period.to' })] },
    ]);
    expect(result.stderr).toContain('period.to');
    expect(await eventsIn(storeFile)).toHaveLength(before);
  });

  it('exits 2 for input that is not JSON, naming the line', async () => {
    const result = await styring(scratch.dir, ['exec', '-', ...secretariat], {
      input: '{"type": "AdoptPlan"}\n{oops\n',
    });
    expect(result.code).toBe(2);
    expect(jsonLines(result.stdout)).toEqual([
      expect.objectContaining({ status: 'invalid', errors: [expect.objectContaining({ path: '(line 2)' })] }),
    ]);
  });

  it('exits 2 for a command with a key given twice, naming its path, and writes nothing', async () => {
    const result = await styring(scratch.dir, ['exec', '-', ...secretariat], {
      input: '{"type": "AdoptPlan", "planId": "a", "planId": "b"}\n',
    });
    expect(result.code).toBe(2);
    expect(jsonLines(result.stdout)).toEqual([
      expect.objectContaining({ status: 'invalid', errors: [expect.objectContaining({ path: 'planId' })] }),
    ]);
  });

  it('exits 2 when no token is given, before reading any input', async () => {
    const result = await styring(scratch.dir, ['exec', '-'], { input: JSON.stringify(adoptStrategy('x')) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--token');
  });

  it('grants nothing for --role alone, nor for a forged, expired or foreign token; exits 2 and writes nothing', async () => {
    const before = (await eventsIn(storeFile)).length;
    const input = JSON.stringify(adoptStrategy('uten-identitet'));
    const expired = await issueLocalToken({
      dataDir: path.join(scratch.dir, 'data'),
      subject: 'kari',
      role: 'kommunestyre-sekretariat',
      unit: 'styv',
      expiresIn: -60,
    });
    const forged = await mintToken(
      { subject: 'kari', role: 'kommunestyre-sekretariat', unit: 'styv' },
      {
        privateKey: crypto.generateKeyPairSync('ed25519').privateKey,
        issuer: localIssuer,
        audience: defaultAudience,
      },
    );
    const roleOnly = await styring(scratch.dir, ['exec', '-', '--role', 'kommunestyre-sekretariat'], {
      input,
    });
    expect(roleOnly.code).toBe(2);
    expect(roleOnly.stderr).toContain('grants nothing');
    for (const token of [expired, forged, 'not-a-token']) {
      const result = await styring(scratch.dir, ['exec', '-', '--token', token], { input });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--token');
    }
    expect(await eventsIn(storeFile)).toHaveLength(before);
  });

  it('refuses the revisor correcting an event (exit 3, caller.read_only), and writes nothing', async () => {
    const [first] = await eventsIn(storeFile);
    const before = (await eventsIn(storeFile)).length;
    const correction = {
      type: 'CorrectEvent',
      correctedEventId: first?.eventId,
      changes: [{ field: 'decision.caseNumber', before: '2024/0544', after: '2024/0545' }],
      reason: 'Revisor prøver å rette.',
    };
    const result = await styring(
      scratch.dir,
      ['exec', '-', ...(await tokenFlag(scratch.dir, 'revisor', 'romerike-revisjon'))],
      {
        input: JSON.stringify(correction),
      },
    );
    expect(result.code).toBe(3);
    expect(jsonLines(result.stdout)).toEqual([
      expect.objectContaining({ status: 'rejected', code: 'caller.read_only' }),
    ]);
    expect(await eventsIn(storeFile)).toHaveLength(before);
  });

  it('lists refused attempts with styring attempts, the revisor’s among them', async () => {
    const result = await styring(scratch.dir, ['attempts', '--json']);
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout)).toContainEqual(
      expect.objectContaining({ role: 'revisor', commandType: 'CorrectEvent', code: 'caller.read_only' }),
    );
  });

  it('exits 2 naming --correlation-id for one the service would not take either, and writes nothing', async () => {
    const before = (await eventsIn(storeFile)).length;
    const result = await styring(scratch.dir, ['exec', '-', ...secretariat, '--correlation-id', 'to ord'], {
      input: JSON.stringify(adoptStrategy('korrelasjon')),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("'--correlation-id <id>'");
    expect(await eventsIn(storeFile)).toHaveLength(before);
  });

  it('exits 1 without creating anything when the store does not exist', async () => {
    const result = await styring(
      scratch.dir,
      ['exec', '-', ...secretariat, '--store', 'sqlite:./elsewhere/x.db'],
      {
        input: JSON.stringify(adoptStrategy('x')),
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("create one with 'styring init'");
    expect(fs.existsSync(path.join(scratch.dir, 'elsewhere'))).toBe(false);
  });
});

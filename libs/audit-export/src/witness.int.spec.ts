import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyExport } from './format';
import { appendDemoHistory, firstWeek, laterStatusReports, secondWeek } from './testing/demo-history';
import { exportFixture, type ExportFixture } from './testing/export-fixture';
import { cosignExport, generateWitnessKeyPair } from './witness';

const cosignedAt = new Date('2024-06-17T09:00:00.000Z');

describe('a witness outside the municipality', () => {
  let fixture: ExportFixture;
  let witnessKeys: { privateKeyFile: string; verifierKeyFile: string };
  let firstExport: string;
  let cosignature: string;
  let witness: { cosignature: string; key: string };

  beforeAll(async () => {
    fixture = exportFixture();
    witnessKeys = {
      privateKeyFile: join(fixture.dir, 'revisor.witness.key'),
      verifierKeyFile: join(fixture.dir, 'revisor.vkey'),
    };
    await generateWitnessKeyPair('revisjon.example/romerike', witnessKeys);
    await appendDemoHistory(fixture.store, firstWeek);
    firstExport = (await fixture.exportAs('uke-24', '2024-06-16T18:00:00.000Z')).directory;
    cosignature = await cosignExport(firstExport, {
      publicKey: fixture.publicKey,
      witnessKeyFile: witnessKeys.privateKeyFile,
      clock: () => cosignedAt,
    });
    witness = { cosignature, key: readFileSync(witnessKeys.verifierKeyFile, 'utf8') };
    await appendDemoHistory(fixture.store, [...secondWeek, ...laterStatusReports(5)], firstWeek.length + 1);
  });
  afterAll(() => fixture.close());

  it('cosigns the tree head as a C2SP checkpoint with a tlog-cosignature/v1 line, keeping its key secret', async () => {
    const manifest = JSON.parse(readFileSync(join(firstExport, 'manifest.json'), 'utf8')) as {
      treeSize: number;
      merkleRoot: string;
    };
    const [origin, size, root, blank, signature, end] = cosignature.split('\n');
    expect([origin, size, root, blank, end]).toEqual([
      'Lørenskog kommune (demo)',
      String(manifest.treeSize),
      Buffer.from(manifest.merkleRoot, 'hex').toString('base64'),
      '',
      '',
    ]);
    const [dash, name, encoded] = signature!.split(' ');
    expect([dash, name]).toEqual(['—', 'revisjon.example/romerike']);
    const bytes = Buffer.from(encoded!, 'base64');
    expect(bytes.length).toBe(4 + 8 + 64);
    expect(bytes.readBigUInt64BE(4)).toBe(BigInt(cosignedAt.getTime() / 1000));
    expect(readFileSync(witnessKeys.verifierKeyFile, 'utf8')).toMatch(
      /^revisjon\.example\/romerike\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}\n$/,
    );
    expect(statSync(witnessKeys.privateKeyFile).mode & 0o777).toBe(0o600);
  });

  it('accepts a later export that extends the witnessed tree head', async () => {
    const later = (await fixture.exportAs('uke-25', '2024-06-23T18:00:00.000Z')).directory;
    const result = await verifyExport(later, { publicKey: fixture.publicKey, witness });
    expect(result).toMatchObject({
      valid: true,
      witness: {
        cosigner: 'revisjon.example/romerike',
        treeSize: firstWeek.length,
        cosigned: cosignedAt.toISOString(),
      },
    });
  });

  it('refuses a cosignature changed after signing, or checked with another witness key', async () => {
    const changed = cosignature.replace(
      /^(.*\n)(\d+)\n/,
      (_, origin: string, size: string) => `${origin}${Number(size) - 1}\n`,
    );
    const result = await verifyExport(firstExport, {
      publicKey: fixture.publicKey,
      witness: { ...witness, cosignature: changed },
    });
    expect(result).toMatchObject({ valid: false, file: 'witness cosignature' });
    const otherKeys = {
      privateKeyFile: join(fixture.dir, 'annen.key'),
      verifierKeyFile: join(fixture.dir, 'annen.vkey'),
    };
    const { verifierKey } = await generateWitnessKeyPair('revisjon.example/romerike', otherKeys);
    const other = await verifyExport(firstExport, {
      publicKey: fixture.publicKey,
      witness: { ...witness, key: verifierKey },
    });
    expect(other).toMatchObject({ valid: false, file: 'witness cosignature' });
  });

  it('catches a history rewritten in the database and re-exported with the same key, which verifies without it', async () => {
    // The operator drops the triggers that forbid edits and changes a recorded decision.
    const database = join(fixture.dir, 'events.db');
    execFileSync('sqlite3', [
      database,
      'DROP TRIGGER events_are_never_updated; ' +
        "UPDATE events SET data = replace(data, '2019/900', '2019/901') WHERE global_position = 1;",
    ]);
    const rewritten = (await fixture.exportAs('omskrevet', '2024-06-30T18:00:00.000Z')).directory;
    expect(readFileSync(join(rewritten, 'events.jsonl'), 'utf8')).toContain('"caseNumber":"2019/901"');

    expect(await verifyExport(rewritten, { publicKey: fixture.publicKey })).toMatchObject({ valid: true });
    const result = await verifyExport(rewritten, { publicKey: fixture.publicKey, witness });
    expect(result).toMatchObject({ valid: false, file: 'events.jsonl' });
    if (!result.valid) {
      expect(result.reason).toContain(
        `is not a consistent extension of the tree head the witness revisjon.example/romerike cosigned (tree size ${firstWeek.length}`,
      );
      expect(result.reason).toContain(`the first inconsistent size is ${firstWeek.length}`);
    }
  });

  it('refuses to cosign an export that does not verify', async () => {
    writeFileSync(join(firstExport, 'events.jsonl'), ' ', { flag: 'a' });
    await expect(
      cosignExport(firstExport, {
        publicKey: fixture.publicKey,
        witnessKeyFile: witnessKeys.privateKeyFile,
        clock: () => cosignedAt,
      }),
    ).rejects.toMatchObject({ code: 'invalid_export' });
  });
});

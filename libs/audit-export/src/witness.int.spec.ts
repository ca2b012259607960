import { execFileSync } from 'node:child_process';
import { sign } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ExportManifest, sha256, verifyExport } from './format';
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
  let carrying: string;
  const cosignatureFile = () => readdirSync(carrying).find((name) => name.endsWith('.cosignature'))!;

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

  it('carries the cosignatures sent back, byte for byte, and those the previous export carries', async () => {
    const sentBack = await fixture.exportAs('uke-25-med-vitne', '2024-06-23T18:00:00.000Z', {
      witnessCosignatures: [cosignature],
    });
    carrying = sentBack.directory;
    const name = cosignatureFile();
    expect(name).toMatch(new RegExp(`^witness-${firstWeek.length}-[0-9a-f]{8}\\.cosignature$`));
    expect(sentBack.witnessCosignatures).toEqual([name]);
    expect(readFileSync(join(carrying, name), 'utf8')).toBe(cosignature);
    expect(readFileSync(join(carrying, 'SHA256SUMS'), 'utf8')).toContain(
      `${sha256(Buffer.from(cosignature)).toString('hex')}  ${name}\n`,
    );
    const next = await fixture.exportAs('uke-26', '2024-06-30T12:00:00.000Z', { previousExport: carrying });
    expect(next.witnessCosignatures).toEqual([name]);
    expect(readFileSync(join(next.directory, name), 'utf8')).toBe(cosignature);
  });

  it('checks the tree heads an export carries, and with only the witness key takes the witness from them', async () => {
    expect(await verifyExport(carrying, { publicKey: fixture.publicKey })).toMatchObject({
      valid: true,
      carriedCosignatures: [
        { file: cosignatureFile(), treeSize: firstWeek.length, cosigners: ['revisjon.example/romerike'] },
      ],
    });
    expect(
      await verifyExport(carrying, { publicKey: fixture.publicKey, witness: { key: witness.key } }),
    ).toMatchObject({
      valid: true,
      witness: { cosigner: 'revisjon.example/romerike', treeSize: firstWeek.length, carried: true },
    });
    const none = await verifyExport(firstExport, {
      publicKey: fixture.publicKey,
      witness: { key: witness.key },
    });
    expect(none).toMatchObject({ valid: false, file: 'witness cosignature' });
    if (!none.valid) expect(none.reason).toContain('the export carries none by revisjon.example/romerike');
  });

  it('refuses to carry a cosignature of another log', async () => {
    const foreign = cosignature.replace('Lørenskog kommune (demo)', 'Annen kommune');
    await expect(
      fixture.exportAs('fremmed', '2024-06-23T18:00:00.000Z', { witnessCosignatures: [foreign] }),
    ).rejects.toMatchObject({
      code: 'invalid_option',
      message: expect.stringContaining('witnessCosignatures[0]: it is for the log "Annen kommune"'),
    });
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

  it('refuses to carry a witnessed tree head the rewritten history does not extend, naming the size', async () => {
    await expect(
      fixture.exportAs('omskrevet-med-vitne', '2024-06-30T18:00:00.000Z', {
        witnessCosignatures: [cosignature],
      }),
    ).rejects.toMatchObject({
      code: 'history_rewritten',
      message: expect.stringContaining(`the first inconsistent size is ${firstWeek.length}`),
    });
  });

  it('fails an export signed with the key but carrying a tree head its events do not extend', async () => {
    // Whoever holds the signing key adds the witness's cosignature to a rewritten export, bypassing the writer.
    const forged = join(fixture.dir, 'forfalsket');
    cpSync(join(fixture.dir, 'omskrevet'), forged, { recursive: true });
    const name = cosignatureFile();
    writeFileSync(join(forged, name), cosignature);
    const manifest = JSON.parse(readFileSync(join(forged, 'manifest.json'), 'utf8')) as ExportManifest;
    const bytes = Buffer.from(
      JSON.stringify(
        {
          ...manifest,
          files: [
            ...manifest.files,
            {
              name,
              sha256: sha256(Buffer.from(cosignature)).toString('hex'),
              bytes: Buffer.byteLength(cosignature),
            },
          ],
        },
        null,
        2,
      ) + '\n',
    );
    writeFileSync(join(forged, 'manifest.json'), bytes);
    writeFileSync(join(forged, 'manifest.sig'), sign(null, bytes, fixture.signingKey));
    const result = await verifyExport(forged, { publicKey: fixture.publicKey, lang: 'nb' });
    expect(result).toMatchObject({ valid: false, file: name });
    if (!result.valid) {
      expect(result.reason).toContain(
        `som denne eksporten ikke utvider: første inkonsistente størrelse er ${firstWeek.length}`,
      );
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

import { generateKeyPairSync, sign } from 'node:crypto';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyConsistency, verifyExport } from './format';
import { appendDemoHistory, type DemoAppend, firstWeek, secondWeek } from './testing/demo-history';
import { exportFixture, type ExportFixture } from './testing/export-fixture';

const week1 = '2024-06-16T18:00:00.000Z';
const week2 = '2024-06-23T18:00:00.000Z';

/** The first week as someone who edited the database afterwards would have it: one plan's title changed. */
const rewrittenFirstWeek: DemoAppend[] = firstWeek.map((append, i) =>
  i === 2 && append.event.type === 'PlanAdopted'
    ? { ...append, event: { ...append.event, title: 'Kommunal planstrategi 2024–2032' } }
    : append,
);

describe('two exports a week apart', () => {
  let fixture: ExportFixture;
  let first: string;
  let second: string;

  beforeAll(async () => {
    fixture = exportFixture();
    await appendDemoHistory(fixture.store, firstWeek);
    first = (await fixture.exportAs('uke-24', week1)).directory;
    fixture.setStoreTime('2024-06-19T08:00:00.000Z');
    await appendDemoHistory(fixture.store, secondWeek, firstWeek.length + 1);
    second = (await fixture.exportAs('uke-25', week2, { previousExport: first })).directory;
  });
  afterAll(() => fixture.close());

  const manifestOf = (folder: string) => JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));

  it('the later one names the earlier one and carries a consistency proof that verifies', () => {
    const earlier = manifestOf(first);
    const later = manifestOf(second);
    expect(later.created).toBe(week2);
    expect(later.previous).toMatchObject({
      created: week1,
      treeSize: 8,
      merkleRoot: earlier.merkleRoot,
      chainHead: earlier.chainHead,
    });
    const proof = later.previous.consistencyProof.map((node: string) => Buffer.from(node, 'hex'));
    const [root1, root2] = [earlier.merkleRoot, later.merkleRoot].map((root) => Buffer.from(root, 'hex'));
    expect(proof.length).toBeGreaterThan(0);
    expect(verifyConsistency(8, 12, root1!, root2!, proof)).toBe(true);
  });

  it('the verifier, given both, proves that the later history only extends the earlier one', async () => {
    expect(await verifyExport(second, { publicKey: fixture.publicKey, previous: first })).toMatchObject({
      valid: true,
      previous: { treeSize: 8, created: week1, consistencyProofChecked: true, sameManifest: true },
    });
  });

  it('the verifier refuses a later export whose consistency proof was forged and signed again', async () => {
    const forged = join(fixture.dir, 'uke-25-forfalsket');
    cpSync(second, forged, { recursive: true });
    const manifest = manifestOf(forged);
    manifest.previous.consistencyProof[0] = manifest.merkleRoot;
    const bytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
    writeFileSync(join(forged, 'manifest.json'), bytes);
    writeFileSync(join(forged, 'manifest.sig'), sign(null, bytes, fixture.signingKey));
    expect(await verifyExport(forged, { publicKey: fixture.publicKey, previous: first })).toMatchObject({
      valid: false,
      message: 'manifest.json: previous.consistencyProof does not prove that tree 12 extends tree 8',
    });
  });

  it('the verifier refuses an earlier export given as the later one', async () => {
    expect(await verifyExport(first, { publicKey: fixture.publicKey, previous: second })).toMatchObject({
      valid: false,
      message: 'events.jsonl: has 8 events, fewer than the 12 of the previous export: history was removed',
    });
  });
});

describe('a history rewritten between two exports', () => {
  let original: ExportFixture;
  let rewritten: ExportFixture;
  let first: string;

  beforeAll(async () => {
    original = exportFixture();
    await appendDemoHistory(original.store, firstWeek);
    first = (await original.exportAs('uke-24', week1)).directory;
    // The same store file, as if edited behind the application's back and grown by another week.
    rewritten = exportFixture();
    await appendDemoHistory(rewritten.store, rewrittenFirstWeek);
    rewritten.setStoreTime('2024-06-19T08:00:00.000Z');
    await appendDemoHistory(rewritten.store, secondWeek, firstWeek.length + 1);
  });
  afterAll(async () => {
    await original.close();
    await rewritten.close();
  });

  const exportRewritten = (name: string, options = {}) =>
    rewritten.exportAs(name, week2, { signingKey: original.signingKey, ...options });

  it('is refused by the writer, which then writes nothing', async () => {
    await expect(exportRewritten('uke-25', { previousExport: first })).rejects.toMatchObject({
      code: 'history_rewritten',
      message: expect.stringContaining(`its first 8 events now hash to Merkle root`),
    });
    expect(existsSync(join(rewritten.dir, 'uke-25'))).toBe(false);
  });

  it('is found by the verifier, which names the first rewritten line', async () => {
    const later = (await exportRewritten('uke-25-uten-forrige')).directory;
    expect(await verifyExport(later, { publicKey: original.publicKey })).toMatchObject({ valid: true });
    expect(await verifyExport(later, { publicKey: original.publicKey, previous: first })).toMatchObject({
      valid: false,
      message:
        'events.jsonl line 3: differs from line 3 of the previous export: history was rewritten between the two exports',
    });
  });

  it('is refused by the writer when events were removed', async () => {
    const shorter = exportFixture();
    try {
      await appendDemoHistory(shorter.store, firstWeek.slice(0, 5));
      await expect(
        shorter.exportAs('uke-25', week2, { signingKey: original.signingKey, previousExport: first }),
      ).rejects.toMatchObject({
        code: 'history_truncated',
        message: expect.stringContaining('there are 5 events, fewer than the 8'),
      });
    } finally {
      await shorter.close();
    }
  });

  it('is not continued from an export signed with another key', async () => {
    await expect(
      exportRewritten('uke-25-annen-nokkel', {
        previousExport: first,
        signingKey: generateKeyPairSync('ed25519').privateKey,
      }),
    ).rejects.toMatchObject({
      code: 'invalid_previous_export',
      message: expect.stringContaining('does not verify'),
    });
  });
});

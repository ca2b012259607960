import { generateKeyPairSync, sign } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from './canonical-json';
import { formatEventLine, leafHash, verifyExport, verifyInclusion } from './format';
import { proveInclusion } from './prove-inclusion';
import { appendDemoHistory, firstWeek, laterStatusReports, secondWeek } from './testing/demo-history';
import { exportFixture, type ExportFixture } from './testing/export-fixture';

interface Line {
  eventHash: string;
  prevHash: string;
  record: { eventId: string; data: Record<string, unknown> };
  seq: number;
}

const readLines = (folder: string) =>
  readFileSync(join(folder, 'events.jsonl'), 'utf8').split('\n').slice(0, -1);
const writeLines = (folder: string, lines: readonly string[]) =>
  writeFileSync(join(folder, 'events.jsonl'), lines.map((line) => line + '\n').join(''));
const parse = (line: string) => JSON.parse(line) as Line;

/** What a forger with the file but not the key would do: give lines valid hashes of their own. */
const rehash = (seq: number, prevHash: string, record: object) =>
  formatEventLine(seq, prevHash, canonicalJson(record)).line;

describe('the verifier, given a changed export', () => {
  let fixture: ExportFixture;
  let original: string;
  let other: string;
  let copies = 0;

  beforeAll(async () => {
    fixture = exportFixture();
    await appendDemoHistory(fixture.store, [...firstWeek, ...secondWeek, ...laterStatusReports(20)]);
    original = (await fixture.exportAs('original', '2024-07-25T12:00:00.000Z')).directory;
    other = (await fixture.exportAs('annen', '2024-07-25T12:00:00.000Z', { to: 20n })).directory;
  });
  afterAll(() => fixture.close());

  const tampered = (change: (folder: string) => void) => {
    const folder = join(fixture.dir, `endret-${++copies}`);
    cpSync(original, folder, { recursive: true });
    change(folder);
    return folder;
  };
  const verify = (folder: string, publicKey = fixture.publicKey) => verifyExport(folder, { publicKey });
  const changeLines = (change: (lines: string[]) => string[]) =>
    tampered((folder) => writeLines(folder, change(readLines(folder))));

  it('accepts the export as it was written, and an untouched copy of it', async () => {
    expect(await verify(original)).toMatchObject({ valid: true });
    expect(await verify(tampered(() => undefined))).toMatchObject({ valid: true });
    expect(readLines(original)).toHaveLength(32);
  });

  it('names the line when a byte of it was edited', async () => {
    const folder = changeLines((lines) =>
      lines.map((line, i) => (i === 16 ? line.replace('2024-07-05', '2024-07-06') : line)),
    );
    expect(await verify(folder)).toEqual({
      valid: false,
      publicKeyFingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      file: 'events.jsonl',
      line: 17,
      reason: "the line's content does not match its eventHash: the line was changed",
      message: "events.jsonl line 17: the line's content does not match its eventHash: the line was changed",
    });
  });

  it('names the place where a line was removed', async () => {
    const folder = changeLines((lines) => lines.filter((_, i) => i !== 16));
    expect(await verify(folder)).toMatchObject({
      valid: false,
      message: 'events.jsonl line 17: seq is 18, expected 17: lines are missing before it, or out of order',
    });
  });

  it('says the same in bokmål when asked (lang nb), as the command line does by default', async () => {
    const folder = changeLines((lines) => lines.filter((_, i) => i !== 16));
    expect(await verifyExport(folder, { publicKey: fixture.publicKey, lang: 'nb' })).toMatchObject({
      valid: false,
      file: 'events.jsonl',
      line: 17,
      reason: 'seq er 18, forventet 17: linjer mangler foran den, eller står i feil rekkefølge',
      message:
        'events.jsonl linje 17: seq er 18, forventet 17: linjer mangler foran den, eller står i feil rekkefølge',
    });
    const changedPrevious = tampered((dir) => rmSync(join(dir, 'manifest.sig')));
    expect(
      await verifyExport(original, { publicKey: fixture.publicKey, previous: changedPrevious, lang: 'nb' }),
    ).toMatchObject({ valid: false, message: 'forrige eksport: manifest.sig: mangler' });
  });

  it('names the first line out of place when lines were reordered', async () => {
    const folder = changeLines((lines) => [
      ...lines.slice(0, 16),
      lines[17]!,
      lines[16]!,
      ...lines.slice(18),
    ]);
    expect(await verify(folder)).toMatchObject({ valid: false, file: 'events.jsonl', line: 17 });
  });

  it('names an inserted line even when the line carries correct hashes of its own', async () => {
    const folder = changeLines((lines) => {
      const before = parse(lines[15]!);
      const forged = {
        ...before.record,
        eventId: 'forged-1',
        data: { ...before.record.data, summary: 'Alt vel' },
      };
      return [...lines.slice(0, 16), rehash(17, before.eventHash, forged), ...lines.slice(16)];
    });
    expect(await verify(folder)).toMatchObject({
      valid: false,
      message: 'events.jsonl line 17: inserted: the chain skips it (line 18 continues from line 16)',
    });
  });

  it('fails on an inserted line even when every later line was renumbered and rehashed', async () => {
    const folder = changeLines((lines) => {
      const records = lines.map((line) => parse(line).record);
      records.splice(16, 0, { ...records[15]!, eventId: 'forged-2' });
      let prevHash = '0'.repeat(64);
      return records.map((record, i) => {
        const line = rehash(i + 1, prevHash, record);
        prevHash = parse(line).eventHash;
        return line;
      });
    });
    expect(await verify(folder)).toMatchObject({
      valid: false,
      file: 'events.jsonl',
      message: expect.stringContaining(
        'events.jsonl: has 33 events, the signed manifest lists 32: lines were added',
      ),
    });
  });

  it('names a line that was edited and given a recomputed hash', async () => {
    const folder = changeLines((lines) => {
      const line = parse(lines[16]!);
      const edited = { ...line.record, data: { ...line.record.data, health: 'rod' } };
      return lines.map((text, i) => (i === 16 ? rehash(17, line.prevHash, edited) : text));
    });
    expect(await verify(folder)).toMatchObject({
      valid: false,
      line: 17,
      reason: expect.stringMatching(/^changed:/),
    });
  });

  it('fails when lines were cut off the end, or the last line end is missing', async () => {
    expect(await verify(changeLines((lines) => lines.slice(0, -1)))).toMatchObject({
      valid: false,
      message:
        'events.jsonl: has 31 events, the signed manifest lists 32: lines were removed (and the hash chain recomputed)',
    });
    const unterminated = tampered((folder) => {
      const file = join(folder, 'events.jsonl');
      writeFileSync(file, readFileSync(file).subarray(0, -1));
    });
    expect(await verify(unterminated)).toMatchObject({
      valid: false,
      message: 'events.jsonl line 32: incomplete last line (no line end)',
    });
  });

  it('names a file swapped for the same file of another export', async () => {
    const swapped = tampered((folder) => cpSync(join(other, 'rapport.html'), join(folder, 'rapport.html')));
    expect(await verify(swapped)).toMatchObject({
      valid: false,
      file: 'rapport.html',
      reason: expect.stringContaining('its content differs from the signed manifest'),
    });
    const swappedEvents = tampered((folder) =>
      cpSync(join(other, 'events.jsonl'), join(folder, 'events.jsonl')),
    );
    expect(await verify(swappedEvents)).toMatchObject({
      valid: false,
      message: expect.stringContaining('events.jsonl: has 20 events, the signed manifest lists 32'),
    });
  });

  it.each(['rapport.html', 'endringslogg.csv', 'verify-export.js'])(
    'names %s when a byte of it was changed',
    async (name) => {
      const folder = tampered((dir) => {
        const bytes = readFileSync(join(dir, name));
        bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 1;
        writeFileSync(join(dir, name), bytes);
      });
      expect(await verify(folder)).toMatchObject({ valid: false, file: name });
    },
  );

  it('names the manifest when it was edited, or signed again with another key', async () => {
    const edited = tampered((folder) => {
      const file = join(folder, 'manifest.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"eventCount": 32', '"eventCount": 33'));
    });
    const message =
      'manifest.json: the signature in manifest.sig does not verify with the pinned public key ' +
      'sha256:[0-9a-f]{64}: the manifest was changed, or signed with another key';
    expect(await verify(edited)).toMatchObject({
      valid: false,
      message: expect.stringMatching(new RegExp(`^${message}$`)),
    });
    const resigned = tampered((folder) => {
      const manifest = readFileSync(join(folder, 'manifest.json'));
      writeFileSync(
        join(folder, 'manifest.sig'),
        sign(null, manifest, generateKeyPairSync('ed25519').privateKey),
      );
    });
    expect(await verify(resigned)).toMatchObject({ valid: false, file: 'manifest.json' });
    expect(await verify(original, generateKeyPairSync('ed25519').publicKey)).toMatchObject({
      valid: false,
      file: 'manifest.json',
    });
  });

  it('holds events.jsonl to the digest the manifest signs, even when every line and the root check', async () => {
    // Only a signer could make this: a manifest whose events.jsonl digest is not the file's.
    const folder = tampered((dir) => {
      const file = join(dir, 'manifest.json');
      const manifest = readFileSync(file, 'utf8');
      const digest = /"name": "events.jsonl",\n\s*"sha256": "([0-9a-f]{64})"/.exec(manifest)![1]!;
      const bytes = Buffer.from(manifest.replace(digest, [...digest].reverse().join('')));
      writeFileSync(file, bytes);
      writeFileSync(join(dir, 'manifest.sig'), sign(null, bytes, fixture.signingKey));
    });
    expect(await verify(folder)).toMatchObject({
      valid: false,
      file: 'events.jsonl',
      reason: expect.stringContaining('its content differs from the signed manifest'),
    });
  });

  it('refuses a line too long to be an event instead of buffering it', async () => {
    const folder = tampered((dir) =>
      writeFileSync(join(dir, 'events.jsonl'), Buffer.alloc(65 * 2 ** 20, 'x')),
    );
    expect(await verify(folder)).toMatchObject({
      valid: false,
      message: 'events.jsonl line 1: longer than 67108864 bytes: not an event line',
    });
  });

  it('names a missing signature, a missing file and a file nobody listed', async () => {
    const unsigned = tampered((folder) => rmSync(join(folder, 'manifest.sig')));
    expect(await verify(unsigned)).toMatchObject({ valid: false, message: 'manifest.sig: missing' });
    const missing = tampered((folder) => rmSync(join(folder, 'endringslogg.csv')));
    expect(await verify(missing)).toMatchObject({
      valid: false,
      message: 'endringslogg.csv: is listed in the manifest but missing',
    });
    const extra = tampered((folder) => writeFileSync(join(folder, 'notater.txt'), 'hei'));
    expect(await verify(extra)).toMatchObject({
      valid: false,
      message: 'notater.txt: is not listed in the signed manifest',
    });
  });

  it("proves any single event's inclusion against the signed root", async () => {
    const manifest = JSON.parse(readFileSync(join(original, 'manifest.json'), 'utf8'));
    const root = Buffer.from(manifest.merkleRoot, 'hex');
    for (const seq of [1, 2, 17, 31, 32]) {
      const inclusion = await proveInclusion(original, seq);
      expect(inclusion).toMatchObject({
        seq,
        treeSize: 32,
        eventHash: parse(readLines(original)[seq - 1]!).eventHash,
      });
      expect(inclusion.merkleRoot).toBe(manifest.merkleRoot);
      const leaf = leafHash(Buffer.from(inclusion.eventHash, 'hex'));
      const proof = inclusion.proof.map((node) => Buffer.from(node, 'hex'));
      expect(verifyInclusion(seq - 1, 32, leaf, proof, root)).toBe(true);
      expect(verifyInclusion(seq % 32, 32, leaf, proof, root)).toBe(false);
    }
    await expect(proveInclusion(original, 33)).rejects.toThrow(
      'seq: 33 is beyond the 32 events of the export',
    );
  });
});

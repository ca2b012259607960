import { createHash, generateKeyPairSync, verify } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordedEvent } from '@styring/eventstore';
import { canonicalJson } from './canonical-json';
import { canonicalRecord } from './canonical-record';
import { leafHash, publicKeyFingerprint, verifyExport } from './format';
import { merkleRoot } from './merkle';
import { appendDemoHistory, firstWeek, secondWeek } from './testing/demo-history';
import { exportFixture, type ExportFixture } from './testing/export-fixture';
import { VERIFIER_SOURCE, writeAuditExport } from './write-export';

const created = '2024-06-22T12:00:00.000Z';
const linesOf = (file: string) => readFileSync(file, 'utf8').split('\n').slice(0, -1);

describe('an audit export', () => {
  let fixture: ExportFixture;
  let folder: string;
  let stored: RecordedEvent[];

  beforeAll(async () => {
    fixture = exportFixture();
    await appendDemoHistory(fixture.store, [...firstWeek, ...secondWeek]);
    stored = [];
    for await (const event of fixture.store.readAll()) stored.push(event);
    folder = (await fixture.exportAs('eksport-2024-06-22', created)).directory;
  });
  afterAll(() => fixture.close());

  it('holds exactly the event log, both logs, the report, the verifier, the archival description, the checksums, the manifest and its signature', () => {
    expect(readdirSync(folder).sort()).toEqual([
      'SHA256SUMS',
      'addml.xml',
      'endringslogg.csv',
      'events.jsonl',
      'manifest.json',
      'manifest.sig',
      'rapport.html',
      'vedtakslogg.csv',
      'verify-export.js',
    ]);
    expect(readFileSync(join(folder, 'verify-export.js'))).toEqual(readFileSync(VERIFIER_SOURCE));
  });

  it('passes its own verifier, which reports what the manifest states', async () => {
    const result = await verifyExport(folder, { publicKey: fixture.publicKey });
    expect(result).toMatchObject({
      valid: true,
      publicKeyFingerprint: publicKeyFingerprint(fixture.publicKey),
    });
    if (!result.valid) return;
    const last = stored[stored.length - 1]!;
    expect(result.manifest).toMatchObject({
      format: 'styring-audit-export',
      formatVersion: 1,
      origin: 'Lørenskog kommune (demo)',
      created,
      range: {
        firstGlobalPosition: String(stored[0]!.globalPosition),
        lastGlobalPosition: String(last.globalPosition),
        firstRecordedAt: stored[0]!.recordedAt,
        lastRecordedAt: last.recordedAt,
      },
      eventCount: 12,
      treeSize: 12,
      decisionCount: 5,
      changeCount: 2,
      previous: null,
    });
    expect(result.manifest.files.map((file) => file.name)).toEqual([
      'events.jsonl',
      'vedtakslogg.csv',
      'endringslogg.csv',
      'rapport.html',
      'verify-export.js',
      'addml.xml',
      'SHA256SUMS',
    ]);
    for (const file of result.manifest.files) {
      const bytes = readFileSync(join(folder, file.name));
      expect(file).toEqual({
        name: file.name,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes: bytes.length,
      });
    }
  });

  it('writes every event in global order as canonical JSON, chained and hashed as the format defines', () => {
    const lines = linesOf(join(folder, 'events.jsonl'));
    expect(lines).toHaveLength(stored.length);
    let prevHash = '0'.repeat(64);
    lines.forEach((line, i) => {
      const { eventHash, ...rest } = JSON.parse(line) as { eventHash: string; prevHash: string; seq: number };
      expect(line).toBe(canonicalJson(JSON.parse(line)));
      expect(rest).toEqual({ prevHash, record: JSON.parse(canonicalRecord(stored[i]!)), seq: i + 1 });
      expect(eventHash).toBe(createHash('sha256').update(canonicalJson(rest)).digest('hex'));
      prevHash = eventHash;
    });
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    expect(manifest.chainHead).toBe(prevHash);
    const leaves = lines.map((line) => leafHash(Buffer.from(JSON.parse(line).eventHash, 'hex')));
    expect(manifest.merkleRoot).toBe(merkleRoot(leaves).toString('hex'));
  });

  it('signs the exact bytes of the manifest with Ed25519, detached', () => {
    const manifest = readFileSync(join(folder, 'manifest.json'));
    const signature = readFileSync(join(folder, 'manifest.sig'));
    expect(signature).toHaveLength(64);
    expect(verify(null, manifest, fixture.publicKey, signature)).toBe(true);
    expect(JSON.parse(manifest.toString()).signingKeyFingerprint).toBe(
      publicKeyFingerprint(fixture.publicKey),
    );
  });

  it('writes the decision log and the change log for Norwegian Excel: BOM, semicolons, Norwegian headers, CRLF, quoted, guarded', () => {
    const decisions = readFileSync(join(folder, 'vedtakslogg.csv'), 'utf8');
    expect(
      decisions.startsWith(
        '\uFEFFLøpenummer;Vedtaksdato;Organ;Organ (navn);Organets enhet;Vedtakstype;Sammendrag;Beløp (kr);',
      ),
    ).toBe(true);
    expect(decisions.split('\r\n')).toHaveLength(5 + 2);
    // The decision as it reads now (period.to corrected to 2028), the original beside it, times in Oslo.
    expect(decisions).toContain(
      '\r\n4;2024-06-12;kommunestyret;Kommunestyret;;Plan vedtatt;' +
        '"Strategi «=HYPERLINK(""http://example.invalid"",""Eiendomsstrategi, del 1"")\nbehov for plass «før» nybygg» ' +
        '(2024-07-01 – 2028-12-31) vedtatt";;2024/1002;\'=1+2 (Kommunestyret, ekstramøte);lov;kommuneloven § 5-3;styv;' +
        'politisk.sekretariat;sekretariat;kommunestyret;2024-06-12;2024-06-12T10:04:00.000+02:00;' +
        'ja;Periode til: 2027-12-31 | unit: (ingen);Periode til: 2027-12-31 → 2028-12-31 | unit: (ingen) → styv;' +
        'politisk.sekretariat;2024-06-12T10:10:00.000+02:00;"Feil sluttdato i vedtaket; rettet etter protokoll 20.06.2024";10;',
    );
    const changes = readFileSync(join(folder, 'endringslogg.csv'), 'utf8').split('\r\n');
    expect(changes[0]).toBe(
      '\uFEFFLøpenummer;Registreringstidspunkt;Virkningstidspunkt;Endret av;Rolle;Korrigert hendelse;' +
        'Korrigert hendelsestype;Korrigert strøm;Felt;Feltnavn;Gammel verdi;Ny verdi;Begrunnelse;Hendelses-ID;Global posisjon',
    );
    expect(changes[1]).toMatch(
      /^10;2024-06-12T10:10:00\.000\+02:00;2024-06-12;politisk\.sekretariat;sekretariat;demo-0004;PlanAdopted;plan-eiendomsstrategi-2024;period\.to;Periode til;2027-12-31;2028-12-31;"Feil sluttdato/,
    );
    expect(changes[2]).toMatch(/^10;.*;unit;unit;;styv;/);
    expect(changes).toHaveLength(4);
  });

  it('writes a printable, self-contained Norwegian report with the period, the counts, the log and the root', () => {
    const report = readFileSync(join(folder, 'rapport.html'), 'utf8');
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    expect(report).toMatch(/^<!doctype html>\n<html lang="nb">/);
    // Nothing from outside the file; links only to its own sections (the table of contents).
    expect(report).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref="[^#]|url\(|@import/i);
    expect(report).toContain(`<td class="hash">${manifest.merkleRoot}</td>`);
    expect(report).toContain(
      '<tr><th>Registrert (registreringstidspunkt)</th><td>2024-06-12T10:01:00.000+02:00 – 2024-06-12T10:12:00.000+02:00</td></tr>',
    );
    expect(report).toContain('<tr><th>Vedtaksdatoer i loggen</th><td>2019-12-10 – 2024-06-19</td></tr>');
    expect(report).toContain('<tr><td>Kommunestyret</td><td>Plan vedtatt</td><td class="num">3</td></tr>');
    expect(report).toContain(
      '<tr><td>Kommunedirektøren</td><td>Enhet opprettet</td><td class="num">1</td></tr>',
    );
    expect(report).toContain(
      '=HYPERLINK(&quot;http://example.invalid&quot;,&quot;Eiendomsstrategi, del 1&quot;)',
    );
    expect(report).toContain('node verify-export.js . --public-key kommunens-nøkkel.pem');
    // A verifier shipped in the folder can be swapped: the report sends auditors to their own copy.
    expect(report).toContain('<code>npx styring verify</code>');
    expect(report).toContain('<code>GYLDIG (valid)</code>');
    expect(report).toContain('sha256sum -c SHA256SUMS');
    expect(report.match(/<tr( class="corrected")?><td>\d+( \*)?<\/td><td>20\d\d-/g)).toHaveLength(5);
  });

  it('never writes the private key into the export', () => {
    const der = fixture.signingKey.export({ format: 'der', type: 'pkcs8' });
    const pemBody = fixture.signingKey.export({ format: 'pem', type: 'pkcs8' }).toString().split('\n')[1]!;
    const seed = Buffer.from(fixture.signingKey.export({ format: 'jwk' }).d!, 'base64url');
    for (const name of readdirSync(folder)) {
      const bytes = readFileSync(join(folder, name));
      for (const secret of [der, Buffer.from(pemBody), seed, Buffer.from(seed.toString('hex'))]) {
        expect(bytes.includes(secret)).toBe(false);
      }
    }
  });
});

describe('a refused export', () => {
  let fixture: ExportFixture;
  beforeAll(async () => {
    fixture = exportFixture();
    await appendDemoHistory(fixture.store, firstWeek);
  });
  afterAll(() => fixture.close());

  const leavesNothing = () =>
    expect(readdirSync(fixture.dir).sort()).toEqual([
      'events.db',
      'events.db-shm',
      'events.db-wal',
      'kommunens-nokkel.pem',
    ]);

  it.each([
    ['an empty origin', { origin: ' ' }, 'invalid_option', 'origin: is empty'],
    [
      'a missing parent folder',
      { directory: '/nonexistent-styring/eksport' },
      'invalid_option',
      'directory: the parent',
    ],
    [
      'a clock without a time',
      { clock: () => new Date('x') },
      'invalid_option',
      'clock: did not return a valid Date',
    ],
    [
      'an RSA key',
      { signingKey: generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey },
      'invalid_signing_key',
      'not an Ed25519 private key',
    ],
    [
      'a public key',
      { signingKey: generateKeyPairSync('ed25519').publicKey },
      'invalid_signing_key',
      'not an Ed25519 private key',
    ],
    [
      'a previous export that is not one',
      { previousExport: '/tmp' },
      'invalid_previous_export',
      'manifest.json: missing',
    ],
  ])('refuses %s, naming why, and writes nothing', async (_, options, code, message) => {
    await expect(fixture.exportAs('eksport', created, options)).rejects.toMatchObject({
      code,
      message: expect.stringContaining(message),
    });
    leavesNothing();
  });

  it('refuses to overwrite an existing folder', async () => {
    await fixture.exportAs('eksport', created);
    const before = readFileSync(join(fixture.dir, 'eksport', 'manifest.json'));
    await expect(fixture.exportAs('eksport', '2024-07-01T00:00:00.000Z')).rejects.toMatchObject({
      code: 'target_exists',
    });
    expect(readFileSync(join(fixture.dir, 'eksport', 'manifest.json'))).toEqual(before);
  });

  it('refuses events out of global order, and events JSON cannot hold, naming the event', async () => {
    const events: RecordedEvent[] = [];
    for await (const event of fixture.store.readAll()) events.push(event);
    const base = {
      directory: join(fixture.dir, 'ute-av-orden'),
      signingKey: fixture.signingKey,
      origin: 'demo',
    };
    const options = { ...base, clock: () => new Date(created) };
    await expect(writeAuditExport({ ...options, events: [events[1]!, events[0]!] })).rejects.toThrow(
      'event demo-0001 at global position 1 comes after position 2: the events must come in global order',
    );
    const broken = { ...events[0]!, data: { amount: Number.NaN } };
    await expect(writeAuditExport({ ...options, events: [broken] })).rejects.toThrow(
      'event demo-0001 (global position 1): data.amount NaN is not a JSON number',
    );
    expect(existsSync(base.directory)).toBe(false);
  });

  it('leaves no folder that looks like an export when reading the events fails midway', async () => {
    async function* failing() {
      for await (const event of fixture.store.readAll()) {
        if (event.globalPosition === 5n) throw new Error('disk read error');
        yield event;
      }
    }
    await expect(
      writeAuditExport({
        events: failing(),
        directory: join(fixture.dir, 'avbrutt'),
        signingKey: fixture.signingKey,
        clock: () => new Date(created),
        origin: 'demo',
      }),
    ).rejects.toThrow('disk read error');
    expect(readdirSync(fixture.dir).filter((name) => name.includes('avbrutt'))).toEqual([]);
  });
});

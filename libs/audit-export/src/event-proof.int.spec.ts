import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type EventProof, proveEvent, verifyEventProof } from './event-proof';
import { appendDemoHistory, firstWeek, secondWeek } from './testing/demo-history';
import { exportFixture, type ExportFixture } from './testing/export-fixture';

describe('the proof of one event, citable in a letter', () => {
  let fixture: ExportFixture;
  let folder: string;
  let key: Buffer;
  let lines: string[];

  beforeAll(async () => {
    fixture = exportFixture();
    await appendDemoHistory(fixture.store, [...firstWeek, ...secondWeek]);
    folder = (await fixture.exportAs('eksport', '2024-06-22T12:00:00.000Z')).directory;
    key = readFileSync(fixture.publicKeyFile);
    lines = readFileSync(join(folder, 'events.jsonl'), 'utf8').split('\n').slice(0, -1);
  });
  afterAll(() => fixture.close());

  /** As the recipient gets it: JSON text, parsed. */
  const sent = (proof: EventProof): EventProof => JSON.parse(JSON.stringify(proof)) as EventProof;

  it('is checked with only the proof, the line and the public key, for every line, found by number or event id', async () => {
    for (const [i, text] of lines.entries()) {
      const bySeq = await proveEvent(folder, String(i + 1));
      expect(bySeq.line).toBe(text);
      expect(verifyEventProof(sent(bySeq.proof), text, key)).toMatchObject({
        valid: true,
        seq: i + 1,
        treeSize: lines.length,
      });
    }
    const byId = await proveEvent(folder, 'demo-0005');
    expect(byId.proof).toMatchObject({ seq: 5, eventId: 'demo-0005' });
    expect(byId.line).toBe(lines[4]);
  });

  it('fails for a changed line, another line, a changed path, a changed tree head or another key', async () => {
    const { proof, line } = await proveEvent(folder, '7');
    const failsWith = (reason: RegExp, p: EventProof, l = line, k = key) =>
      expect(verifyEventProof(sent(p), l, k)).toMatchObject({
        valid: false,
        reason: expect.stringMatching(reason),
      });
    failsWith(/does not hash to its eventHash/, proof, line.replace('"actor":"', '"actor":"x'));
    failsWith(/the line is line 8, the proof is for line 7/, proof, lines[7]);
    const flipped = proof.proof.map((node, i) =>
      i === 0 ? (node[0] === '0' ? '1' : '0') + node.slice(1) : node,
    );
    failsWith(/audit path does not lead from line 7/, { ...proof, proof: flipped });
    failsWith(/audit path/, { ...proof, seq: 6 }, lines[5]);
    const manifest = Buffer.from(proof.signedTreeHead.manifest, 'base64')
      .toString('utf8')
      .replace(/"treeSize": (\d+)/, (_, size: string) => `"treeSize": ${Number(size) - 1}`);
    failsWith(/does not verify with the public key/, {
      ...proof,
      signedTreeHead: { ...proof.signedTreeHead, manifest: Buffer.from(manifest).toString('base64') },
    });
    const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' });
    failsWith(/does not verify with the public key/, proof, line, Buffer.from(other));
    failsWith(/^the line: not an event line: expected \{"eventHash"/, proof, 'Saksnummer 2024/1187');
  });

  it('says why in bokmål when asked', async () => {
    const { proof, line } = await proveEvent(folder, '7');
    expect(verifyEventProof(sent(proof), lines[7]!, key, 'nb')).toEqual({
      valid: false,
      reason: 'linjen er linje 8, beviset gjelder linje 7',
    });
    expect(verifyEventProof(sent(proof), line.slice(1), key, 'nb')).toMatchObject({
      reason: expect.stringMatching(/^linjen: ikke en hendelseslinje: forventet/),
    });
  });

  it('names what it cannot find', async () => {
    await expect(proveEvent(folder, 'no-such-event')).rejects.toThrow(
      'event: no line no-such-event and no event with that id',
    );
    await expect(proveEvent(folder, String(lines.length + 1))).rejects.toMatchObject({
      code: 'invalid_option',
    });
  });
});

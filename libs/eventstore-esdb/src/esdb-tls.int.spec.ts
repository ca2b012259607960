import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isEventStoreFailure } from '@styring/eventstore';
import { describeWithTool, newEvents } from '@styring/eventstore-testkit';
import { openEsdbEventStore } from './esdb-event-store';
import { type EsdbStandIn, startEsdbStandIn } from './testing/esdb-standin/standin-server';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** A throwaway CA and a certificate for 127.0.0.1 signed by it, made with openssl. */
const makeCertificates = (dir: string) => {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '1',
    '-subj',
    '/CN=styring test CA',
  );
  openssl('req', ...ec, '-keyout', 'node.key', '-out', 'node.csr', '-subj', '/CN=127.0.0.1');
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  openssl(
    'x509',
    '-req',
    '-in',
    'node.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'node.pem',
    '-days',
    '1',
    '-extfile',
    'san.ext',
  );
  return {
    ca: join(dir, 'ca.pem'),
    key: readFileSync(join(dir, 'node.key')),
    cert: readFileSync(join(dir, 'node.pem')),
  };
};

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ code: 'opened', message: '' }),
    (error: unknown) => {
      if (!isEventStoreFailure(error)) throw error;
      return { code: error.code, message: error.message };
    },
  );

const openssl = {
  name: 'openssl (to make a test certificate)',
  install: 'apt-get install openssl',
  found: hasOpenssl,
};

describeWithTool(openssl, 'EventStoreDB adapter over TLS with credentials (wire-level stand-in)', () => {
  let dir: string;
  let ca: string;
  let standIn: EsdbStandIn;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'styring-esdb-tls-'));
    const certificates = makeCertificates(dir);
    ca = certificates.ca;
    standIn = await startEsdbStandIn({
      tls: { key: certificates.key, cert: certificates.cert, users: { admin: 'changeit' } },
    });
  });
  afterAll(async () => {
    await standIn?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const at = () => `127.0.0.1:${standIn.port}`;

  it('connects with the credentials and CA named in the connection string', async () => {
    const store = await openEsdbEventStore({
      connectionString: `esdb://admin:changeit@${at()}?tls=true&tlsCAFile=${ca}`,
    });
    try {
      await store.appendToStream('s', newEvents(2), { expectedRevision: 'no_stream' });
      expect(await store.streamExists('s')).toBe(true);
    } finally {
      await store.close();
    }
  });

  it("says 'authentication_failed', without the password, for a wrong password or none", async () => {
    const wrong = await failureOf(
      openEsdbEventStore({ connectionString: `esdb://admin:wrong-pw-42@${at()}?tls=true&tlsCAFile=${ca}` }),
    );
    expect(wrong.code).toBe('authentication_failed');
    expect(wrong.message).toContain(`EventStoreDB at ${at()}`);
    expect(wrong.message).not.toContain('wrong-pw-42');
    const none = await failureOf(
      openEsdbEventStore({ connectionString: `esdb://${at()}?tls=true&tlsCAFile=${ca}` }),
    );
    expect(none.code).toBe('authentication_failed');
  });

  it("says 'unavailable' when the server's certificate is not trusted", async () => {
    const untrusted = await failureOf(
      openEsdbEventStore({ connectionString: `esdb://admin:changeit@${at()}?tls=true` }),
    );
    expect(untrusted.code).toBe('unavailable');
  });
});

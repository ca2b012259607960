/**
 * The floor of the HTTP section: a bare `node:http` server, in a process of its own as the service is,
 * that reads each request's body and answers with the JSON the real service gave for it. No framework,
 * no token, no store: what Node's HTTP and the loopback cost on this machine.
 */
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BareServer {
  readonly url: string;
  readonly stop: () => Promise<void>;
}

const SERVE = '--serve';

/** Starts the floor server answering `status` and `body` to every request. */
export const startBareServer = (status: number, body: string): Promise<BareServer> =>
  new Promise((started, failed) => {
    const child = fork(__filename, [SERVE, String(status)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    child.on('error', failed);
    child.once('message', (port) =>
      started({
        url: `http://127.0.0.1:${String(port)}`,
        stop: async () => {
          process.kill(child.pid!, 'SIGTERM');
          await exited;
        },
      }),
    );
    child.send(body);
  });

if (require.main === module && process.argv[2] === SERVE) {
  const status = Number(process.argv[3]);
  process.once('message', (body: string) => {
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        response.end(body);
      });
    });
    server.listen(0, '127.0.0.1', () => process.send?.((server.address() as AddressInfo).port));
    process.once('SIGTERM', () => {
      server.close();
      process.disconnect();
    });
  });
}

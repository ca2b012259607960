/**
 * The floors of the HTTP section, each a server in a process of its own as the service is, that reads
 * each request's body and answers with the JSON the real service gave for it. No token, no store:
 * - `node`: a bare `node:http` server, what Node's HTTP and the loopback cost on this machine;
 * - `nest`: NestJS on Express as the service runs it (one controller, the body sent by `res.json`), what
 *   the framework alone costs per request before the service does any work of its own.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { All, Controller, HttpCode, type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { cpuSecondsOf } from './process-cpu';

export type FloorKind = 'node' | 'nest';

export interface BareServer {
  readonly url: string;
  /** CPU time (user + system) the server process has used so far; undefined off Linux. */
  readonly cpuSeconds: () => number | undefined;
  readonly stop: () => Promise<void>;
}

const SERVE = '--serve';

/** Starts the floor server of `kind` answering `status` and `body` to every request. */
export const startBareServer = (kind: FloorKind, status: number, body: string): Promise<BareServer> =>
  new Promise((started, failed) => {
    const child = fork(__filename, [SERVE, kind, String(status)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    child.on('error', failed);
    child.once('message', (port) =>
      started({
        url: `http://127.0.0.1:${String(port)}`,
        cpuSeconds: () => cpuSecondsOf(child.pid!),
        stop: async () => {
          process.kill(child.pid!, 'SIGTERM');
          await exited;
        },
      }),
    );
    child.send(body);
  });

const serveNode = (status: number, body: string) => {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(body);
    });
  });
  return {
    listen: () =>
      new Promise<number>((listening) =>
        server.listen(0, '127.0.0.1', () => listening((server.address() as AddressInfo).port)),
      ),
    close: async () => void server.close(),
  };
};

const serveNest = (status: number, body: string) => {
  const answer: unknown = JSON.parse(body);
  @Controller()
  class FloorController {
    @All('*path')
    @HttpCode(status)
    answer(): unknown {
      return answer;
    }
  }
  @Module({ controllers: [FloorController] })
  class FloorModule {}
  let app: INestApplication | undefined;
  return {
    listen: async () => {
      const nest = await NestFactory.create<NestExpressApplication>(FloorModule, { logger: false });
      nest.set('etag', false);
      nest.disable('x-powered-by');
      await nest.listen(0, '127.0.0.1');
      app = nest;
      return (nest.getHttpServer().address() as AddressInfo).port;
    },
    close: async () => void (await app?.close()),
  };
};

if (require.main === module && process.argv[2] === SERVE) {
  const kind = process.argv[3] as FloorKind;
  const status = Number(process.argv[4]);
  process.once('message', (body: string) => {
    const server = kind === 'nest' ? serveNest(status, body) : serveNode(status, body);
    void server.listen().then((port) => process.send?.(port));
    process.once('SIGTERM', () => {
      void server.close().then(() => process.disconnect());
    });
  });
}

import { Metadata, Server, ServerCredentials, status } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { InMemoryLog } from './in-memory-log';
import { type Authorize, streamsService } from './streams-service';

/**
 * A WIRE-LEVEL STAND-IN for EventStoreDB, for tests: a gRPC server made from @eventstore/db-client's own
 * generated service definitions, answering Read (streams and $all, forwards and backwards, filters,
 * catch-up subscriptions), Append and BatchAppend with EventStoreDB's documented semantics, from an
 * in-memory log, on 127.0.0.1 and a port of its own. It lets the real client run the adapter's code paths
 * in CI. It is not EventStoreDB and proves nothing about clusters, durability, real server versions,
 * TLS handshakes with a real server, ACLs or performance (see README.md).
 */
export interface EsdbStandIn {
  readonly port: number;
  /** An `esdb://…` connection string for the stand-in (insecure unless started with TLS). */
  readonly connectionString: string;
  /** How many append requests it received (`Append` calls and `BatchAppend` requests). */
  appendRequests(): number;
  /** Stops it at once, as if the server went away. */
  stop(): Promise<void>;
}

export interface StandInOptions {
  /** Advertise BatchAppend (servers since 21.10), so the client appends through it; default true. */
  readonly batchAppend?: boolean;
  /** EventStoreDB's `--max-append-size`, default 1 MiB as on a real server. */
  readonly maxAppendSize?: number;
  /** Serve TLS with this key and certificate, and require one of these users (Basic authentication). */
  readonly tls?: {
    readonly key: Buffer;
    readonly cert: Buffer;
    readonly users: Readonly<Record<string, string>>;
  };
}

const accessDenied = (details: string) => {
  const metadata = new Metadata();
  metadata.set('exception', 'access-denied');
  return { code: status.PERMISSION_DENIED, details, metadata };
};

const basicAuthorization =
  (users: Readonly<Record<string, string>>): Authorize =>
  (metadata) => {
    const header = metadata.get('authorization')[0];
    if (typeof header !== 'string' || !header.startsWith('Basic ')) return accessDenied('Access denied');
    const [user, ...password] = Buffer.from(header.slice('Basic '.length), 'base64')
      .toString('utf8')
      .split(':');
    return users[user ?? ''] === password.join(':')
      ? undefined
      : { code: status.UNAUTHENTICATED, details: 'Bad authentication credentials' };
  };

export const startEsdbStandIn = async (options: StandInOptions = {}): Promise<EsdbStandIn> => {
  const log = new InMemoryLog(options.maxAppendSize ?? 1024 * 1024);
  const server = new Server();
  server.addService(
    StreamsService,
    streamsService(log, options.tls ? basicAuthorization(options.tls.users) : () => undefined),
  );
  server.addService(ServerFeaturesService, {
    getSupportedMethods: (_call: unknown, callback: (error: null, methods: SupportedMethods) => void) => {
      const methods = ['read', 'append', ...(options.batchAppend === false ? [] : ['batchappend'])].map(
        (name) =>
          new SupportedMethod().setServiceName('event_store.client.streams.streams').setMethodName(name),
      );
      callback(
        null,
        new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion('24.10.0-stand-in'),
      );
    },
  });
  const credentials = options.tls
    ? ServerCredentials.createSsl(null, [{ private_key: options.tls.key, cert_chain: options.tls.cert }])
    : ServerCredentials.createInsecure();
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', credentials, (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  return {
    port,
    connectionString: `esdb://127.0.0.1:${port}?tls=${options.tls ? 'true' : 'false'}`,
    appendRequests: () => log.appendRequests,
    stop: async () => {
      server.forceShutdown();
    },
  };
};

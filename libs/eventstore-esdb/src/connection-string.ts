import { EventStoreFailure } from '@styring/eventstore';

/** What the store needs to know about its connection string beyond what the client does with it. */
export interface ConnectionTarget {
  /** `EventStoreDB at host:port` (every host of a cluster), for messages: never the user or password. */
  readonly description: string;
}

/** The options @eventstore/db-client 6.2.1 understands, lower-cased, except those the store decides. */
const knownOptions = new Set([
  'usercertfile',
  'userkeyfile',
  'maxdiscoverattempts',
  'connectionname',
  'defaultdeadline',
  'discoveryinterval',
  'gossiptimeout',
  'nodepreference',
  'tls',
  'tlsverifycert',
  'tlscafile',
  'keepaliveinterval',
  'keepalivetimeout',
]);

const invalid = (message: string) => new EventStoreFailure('invalid_argument', message);

/**
 * Checks an `esdb://user:password@host:2113,host2:2113?tls=true` connection string before the client sees
 * it. Unknown options are refused here because the client would print the whole string, password included,
 * in a warning; `throwOnAppendFailure` is the store's to decide.
 */
export const checkConnectionString = (connectionString: string): ConnectionTarget => {
  const match = /^(esdb(?:\+discover)?):\/\/(?:[^@/?]*@)?([^/?]+)\/?(?:\?(.*))?$/i.exec(
    connectionString.trim(),
  );
  if (match === null) {
    throw invalid('connectionString must look like esdb://user:password@host:2113?tls=true');
  }
  const [, scheme, hosts, query] = match;
  for (const pair of (query ?? '').split('&').filter((part) => part !== '')) {
    const key = pair.split('=')[0]!;
    if (key.toLowerCase() === 'throwonappendfailure') {
      throw invalid(
        'connectionString: leave out throwOnAppendFailure; the store turns failed appends into ConcurrencyErrors',
      );
    }
    if (!knownOptions.has(key.toLowerCase())) {
      throw invalid(
        `connectionString: unknown option '${key}' (known: tls, tlsVerifyCert, tlsCAFile, …, see README)`,
      );
    }
  }
  const discovered = scheme!.toLowerCase() === 'esdb+discover' ? ' (cluster discovery)' : '';
  return { description: `EventStoreDB at ${hosts}${discovered}` };
};

import * as path from 'node:path';
import { EventStoreFailure } from '@styring/eventstore';

/** The store the embedded default opens when no `--store` / `STYRING_STORE` is given. */
export const defaultStoreUrl = 'sqlite:./data/styring.db';

/** Where a store URL points, by adapter. A relative SQLite path is resolved against `cwd`. */
export type StoreLocation =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly connectionString: string }
  | { readonly kind: 'esdb'; readonly connectionString: string };

const usage = 'use sqlite:PATH, postgres://… or esdb://…';

/** Reads a store URL (`sqlite:./data/styring.db`, `sqlite:/abs/file.db`, `postgres://…`, `esdb://…`). */
export const parseStoreUrl = (url: string, cwd: string): StoreLocation => {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'sqlite': {
      const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
      if (file.length === 0) throw invalid(`the SQLite store URL '${url}' names no file (${usage})`);
      return { kind: 'sqlite', file: path.resolve(cwd, file) };
    }
    case 'postgres':
    case 'postgresql':
      return { kind: 'postgres', connectionString: url };
    case 'esdb':
    case 'esdb+discover':
      return { kind: 'esdb', connectionString: url };
    case undefined:
      throw invalid(`the store URL '${maskStoreUrl(url)}' has no scheme (${usage})`);
    default:
      throw invalid(`unknown store URL scheme '${scheme}:' in '${maskStoreUrl(url)}' (${usage})`);
  }
};

/**
 * The store URL as it may be shown or logged: a password in the user part (`postgres://u:pw@h/db`) or in
 * a `password=` parameter becomes `***`.
 */
export const maskStoreUrl = (url: string): string =>
  url.replace(/(\/\/[^/@:]*:)[^/@]*@/, '$1***@').replace(/([?&]password=)[^&]*/gi, '$1***');

const invalid = (message: string) => new EventStoreFailure('invalid_argument', message);

import type Database from 'better-sqlite3';
import type { ResolvedPointInTime } from '../point-in-time';
import { statement } from './statements';
import type { SqlValue } from './versioned-table';

/** A WHERE clause built from optional filters, with its parameters in order. */
export class Where {
  private readonly conditions: string[] = [];
  readonly params: SqlValue[] = [];

  /** Adds a condition; skipped when it has a parameter that is `undefined` (a filter not asked for). */
  and(condition: string, ...params: readonly (SqlValue | undefined)[]): this {
    if (params.some((param) => param === undefined)) return this;
    this.conditions.push(condition);
    this.params.push(...(params as SqlValue[]));
    return this;
  }

  /**
   * Only the versions of facts the system knew at `knownAt`: learnt by then and not yet replaced by a
   * correction; without `knownAt`, the current ones.
   */
  knownAt(pointInTime: ResolvedPointInTime, table: string): this {
    if (pointInTime.knownBefore !== undefined) {
      return this.and(
        `${table}.known_from < ? AND (${table}.known_until IS NULL OR ${table}.known_until >= ?)`,
        pointInTime.knownBefore,
        pointInTime.knownBefore,
      );
    }
    return this.and(`${table}.known_until IS NULL`);
  }

  /**
   * Only facts in effect by the day asked about: their `effective_from` not after `asOf` – or, when only
   * `knownAt` is given, not after `knownAt` (what stood then, as known then).
   */
  inEffectBy(pointInTime: ResolvedPointInTime, table: string): this {
    return this.and(`${table}.effective_from < ?`, pointInTime.effectiveBefore ?? pointInTime.knownBefore);
  }

  /**
   * A history (a log of what happened): what had taken effect by `asOf` (any time without it), as known at
   * `knownAt` (now without it).
   */
  historyAt(pointInTime: ResolvedPointInTime, table: string): this {
    return this.knownAt(pointInTime, table).and(`${table}.effective_from < ?`, pointInTime.effectiveBefore);
  }

  /**
   * A state (what stood on a day): the facts in effect by `asOf`, as known at `knownAt` (now without it).
   * `knownAt` alone asks what stood then as known then: the answer a report run at that moment gave.
   */
  stateAt(pointInTime: ResolvedPointInTime, table: string): this {
    return this.knownAt(pointInTime, table).inEffectBy(pointInTime, table);
  }

  toString(): string {
    return this.conditions.length === 0 ? '' : `WHERE ${this.conditions.join(' AND ')}`;
  }
}

/** Each prepared statement's column names, read once. */
const columnNames = new WeakMap<Database.Statement, readonly string[]>();

/** The cached statement for `sql`, its integers as bigint whatever the connection's default. */
const prepared = (db: Database.Database, sql: string) => {
  const statementOf = statement(db, sql).safeIntegers(true);
  let names = columnNames.get(statementOf);
  if (names === undefined) {
    names = statementOf.columns().map((column) => column.name);
    columnNames.set(statementOf, names);
  }
  return { statement: statementOf, names };
};

/** One row from the driver's values: a name given twice keeps its last value, as the driver's objects do. */
const rowOf = <Row>(names: readonly string[], values: readonly unknown[]): Row => {
  const row: Record<string, unknown> = {};
  for (let n = 0; n < names.length; n++) row[names[n]!] = values[n];
  return row as Row;
};

/**
 * Runs a query whose integers come back as bigint (positions stay exact). The rows come from the driver as
 * arrays and are made objects here: the driver's own objects cost twice as much for the decision log's 25
 * columns, a fifth of an HTTP read.
 */
export const selectRows = <Row>(db: Database.Database, sql: string, params: readonly SqlValue[]): Row[] => {
  const { statement: query, names } = prepared(db, sql);
  const rows = query.raw(true).all(...params) as unknown[][];
  // Another caller of the same cached statement may expect objects.
  query.raw(false);
  return rows.map((values) => rowOf<Row>(names, values));
};

/** As `selectRows`, each row handed to `visit` as the driver steps to it, none kept. */
export const visitRows = <Row>(
  db: Database.Database,
  sql: string,
  params: readonly SqlValue[],
  visit: (row: Row) => void,
): void => {
  const { statement: query, names } = prepared(db, sql);
  try {
    for (const values of query.raw(true).iterate(...params) as IterableIterator<unknown[]>)
      visit(rowOf<Row>(names, values));
  } finally {
    query.raw(false);
  }
};

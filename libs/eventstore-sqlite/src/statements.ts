import type Database from 'better-sqlite3';
import type { AllFilter, EventQueryItem } from '@styring/eventstore';
import { eventColumns } from './event-row';

type Statement = Database.Statement<unknown[]>;

/** Finds the statement for a `readAll` filter, and the filter's parameters to bind after `after, to`. */
export type AllStatement = (filter: AllFilter | undefined) => {
  readonly statement: Statement;
  readonly filterParameters: readonly string[];
};

/** Finds the statement for a consistency query, and its parameters to bind after `after`. */
export type FirstMatchStatement = (items: readonly EventQueryItem[]) => {
  readonly statement: Statement;
  readonly parameters: readonly string[];
};

export interface Statements {
  readonly lastRevision: Statement;
  readonly insert: Statement;
  readonly streamEventIdsAfter: Statement;
  readonly eventById: Statement;
  readonly eventInStreamById: Statement;
  readonly streamExists: Statement;
  readonly lastPosition: Statement;
  readonly streamForwards: Statement;
  readonly streamBackwards: Statement;
  readonly all: AllStatement;
  readonly firstMatch: FirstMatchStatement;
}

/** Every statement a store handle runs, prepared once per connection. */
export const prepareStatements = (db: Database.Database): Statements => ({
  lastRevision: db
    .prepare('SELECT stream_revision FROM events WHERE stream_id = ? ORDER BY stream_revision DESC LIMIT 1')
    .pluck(),
  insert: db.prepare(
    `INSERT INTO events (stream_id, stream_revision, event_id, type, schema_version, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  /** Revisions, positions and ids of a stream's events after a revision: what the event id index has not seen. */
  streamEventIdsAfter: db
    .prepare(
      `SELECT stream_revision, global_position, event_id FROM events
       WHERE stream_id = ? AND stream_revision > ? ORDER BY stream_revision`,
    )
    .raw(),
  /** The first event with an id: a scan of the table, as `event_id` has no index (see the README). */
  eventById: db
    .prepare(`SELECT ${eventColumns} FROM events WHERE event_id = ? ORDER BY global_position LIMIT 1`)
    .raw(),
  /** The event with an id in one stream: the stream's rows, by the (stream, revision) index. */
  eventInStreamById: db
    .prepare(
      `SELECT ${eventColumns} FROM events WHERE stream_id = ? AND event_id = ? ORDER BY stream_revision LIMIT 1`,
    )
    .raw(),
  streamExists: db.prepare('SELECT 1 FROM events WHERE stream_id = ? LIMIT 1').pluck(),
  lastPosition: db.prepare('SELECT max(global_position) FROM events').pluck().safeIntegers(true),
  streamForwards: db
    .prepare(
      `SELECT ${eventColumns} FROM events
       WHERE stream_id = ? AND stream_revision >= ? AND stream_revision <= ? ORDER BY stream_revision LIMIT ?`,
    )
    .raw(),
  streamBackwards: db
    .prepare(
      `SELECT ${eventColumns} FROM events
       WHERE stream_id = ? AND stream_revision <= ? AND stream_revision >= ? ORDER BY stream_revision DESC LIMIT ?`,
    )
    .raw(),
  all: allStatements(db),
  firstMatch: firstMatchStatements(db),
});

const byPrefix = 'EXISTS (SELECT 1 FROM json_each(?) WHERE substr(stream_id, 1, length(value)) = value)';

/**
 * One statement per filter shape: parameters `after, to, [types JSON], [prefixes JSON], limit`. The lists go
 * in as JSON arrays, so one prepared statement serves every filter of its shape.
 */
const allStatements = (db: Database.Database): AllStatement => {
  const cache = new Map<string, Statement>();
  return (filter: AllFilter | undefined) => {
    const byType = filter?.eventTypes !== undefined;
    const byStream = filter?.streamPrefixes !== undefined;
    const key = `${byType}:${byStream}`;
    let statement = cache.get(key);
    if (statement === undefined) {
      const conditions = [
        'global_position > ? AND global_position <= ?',
        ...(byType ? ['type IN (SELECT value FROM json_each(?))'] : []),
        ...(byStream ? [byPrefix] : []),
      ];
      statement = db
        .prepare(
          `SELECT ${eventColumns} FROM events WHERE ${conditions.join(' AND ')} ORDER BY global_position LIMIT ?`,
        )
        .raw();
      cache.set(key, statement);
    }
    const filterParameters = [
      ...(byType ? [JSON.stringify(filter?.eventTypes)] : []),
      ...(byStream ? [JSON.stringify(filter?.streamPrefixes)] : []),
    ];
    return { statement, filterParameters };
  };
};

/**
 * One statement per query shape: the first event after a position (parameter 1) that matches any item; each
 * item's lists go in as JSON arrays. It walks the primary key from the position, so it reads only what was
 * appended since the decision's facts were read.
 */
const firstMatchStatements = (db: Database.Database): FirstMatchStatement => {
  const cache = new Map<string, Statement>();
  const fields = ['eventTypes', 'streamIds', 'streamPrefixes'] as const;
  const tests = {
    eventTypes: 'type IN (SELECT value FROM json_each(?))',
    streamIds: 'stream_id IN (SELECT value FROM json_each(?))',
    streamPrefixes: byPrefix,
  };
  return (items) => {
    const shapes = items.map((item) => fields.filter((field) => item[field] !== undefined));
    const key = shapes.map((shape) => shape.join(',')).join(';');
    let statement = cache.get(key);
    if (statement === undefined) {
      const alternatives = shapes.map((shape) =>
        shape.length === 0 ? '1' : shape.map((field) => tests[field]).join(' AND '),
      );
      statement = db
        .prepare(
          `SELECT ${eventColumns} FROM events WHERE global_position > ? AND ((${alternatives.join(') OR (')}))
           ORDER BY global_position LIMIT 1`,
        )
        .raw();
      cache.set(key, statement);
    }
    const parameters = items.flatMap((item, n) => shapes[n]!.map((field) => JSON.stringify(item[field])));
    return { statement, parameters };
  };
};

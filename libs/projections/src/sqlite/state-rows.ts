import type { ResolvedPointInTime } from '../point-in-time';
import type { ReadModelReader } from '../read-models/read-model-reader';
import { Where } from './where';

/**
 * The rows of a read model's table that `where` keeps, in the order the facts took effect and, on one day,
 * were recorded: the order a register folds its entries in.
 */
const inEffectOrder = (table: string, where: Where) =>
  `SELECT * FROM ${table} ${where} ORDER BY effective_from, position`;

/** The rows `inEffectOrder` selects, all at once. */
export const rowsInEffectOrder = <Row>(
  reader: ReadModelReader,
  table: string,
  where: Where,
): Promise<Row[]> => reader.select<Row>(inEffectOrder(table, where), where.params);

/** The rows `inEffectOrder` selects, each handed to `visit`, none kept: a register folding a long history. */
export const forEachInEffectOrder = <Row>(
  reader: ReadModelReader,
  table: string,
  where: Where,
  visit: (row: Row) => void,
): Promise<void> => reader.forEachRow<Row>(inEffectOrder(table, where), where.params, visit);

/** Every row of a read model's table that stood at the point in time (`Where.stateAt`), in effect order. */
export const stateRowsAt = <Row>(
  reader: ReadModelReader,
  pointInTime: ResolvedPointInTime,
  table: string,
): Promise<Row[]> => rowsInEffectOrder<Row>(reader, table, new Where().stateAt(pointInTime, table));

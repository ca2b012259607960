import type { ResolvedPointInTime } from '../point-in-time';
import type { ReadModelReader } from '../read-models/read-model-reader';
import { Where } from './where';

/**
 * Every row of a read model's table that stood at the point in time (`Where.stateAt`), in the order the
 * facts took effect and, on one day, were recorded: what a register folds into its entries.
 */
export const stateRowsAt = <Row>(
  reader: ReadModelReader,
  pointInTime: ResolvedPointInTime,
  table: string,
): Promise<Row[]> => {
  const where = new Where().stateAt(pointInTime, table);
  return reader.select<Row>(
    `SELECT * FROM ${table} ${where} ORDER BY effective_from, position`,
    where.params,
  );
};

import type Database from 'better-sqlite3';
import type { ResolvedPointInTime } from '../point-in-time';
import { selectRows, Where } from './where';

/**
 * Every row of a read model's table that stood at the point in time (`Where.stateAt`), in the order the
 * facts took effect and, on one day, were recorded: what a register folds into its entries.
 */
export const stateRowsAt = <Row>(
  db: Database.Database,
  pointInTime: ResolvedPointInTime,
  table: string,
): Row[] => {
  const where = new Where().stateAt(pointInTime, table);
  return selectRows<Row>(
    db,
    `SELECT * FROM ${table} ${where} ORDER BY effective_from, position`,
    where.params,
  );
};

export * from './audit-export-error';
export * from './canonical-json';
export { canonicalRecord } from './canonical-record';
export { CSV_BOM, csvCell, csvRow } from './csv';
export * from './format';
export { CHANGE_LOG_HEADER, DECISION_LOG_HEADER, type DecisionLogRows, governanceLogRows } from './log-rows';
export * from './merkle';
export * from './signing-key';
export * from './write-export';

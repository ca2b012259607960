export * from './audit-export-error';
export * from './canonical-json';
export { canonicalRecord } from './canonical-record';
export { CSV_BOM, CSV_SEPARATOR, csvAmount, csvCell, csvRow } from './csv';
export * from './format';
export { CHANGE_LOG_HEADER, DECISION_LOG_HEADER, fieldName } from './log-rows';
export { osloTime } from './oslo-time';
export * from './merkle';
export * from './prove-inclusion';
export * from './signing-key';
export * from './write-export';
export * from './report-pdf';
export * from './witness';
export * from './event-proof';
export type {
  ExportRegisters,
  NewSinceChanges,
  RegisterMoment,
  RegisterFacts,
  RegisterSource,
  RegisterTable,
  WrittenRegister,
  WrittenRegisters,
} from './register-files';

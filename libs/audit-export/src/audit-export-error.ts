/** Why an export or a key operation was refused; identified by `code`, and it always writes nothing. */
export type AuditExportErrorCode =
  | 'invalid_option'
  | 'target_exists'
  | 'invalid_event'
  | 'undecodable_event'
  | 'invalid_previous_export'
  | 'history_rewritten'
  | 'history_truncated'
  | 'invalid_signing_key'
  | 'key_file_exists'
  | 'invalid_export';

export class AuditExportError extends Error {
  override readonly name = 'AuditExportError';
  constructor(
    readonly code: AuditExportErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isAuditExportError = (error: unknown): error is AuditExportError =>
  error instanceof Error && error.name === 'AuditExportError' && 'code' in error;

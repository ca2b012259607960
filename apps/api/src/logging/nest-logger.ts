import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/** Routes Nest's own log lines (bootstrap, handler failures) into the same JSON log. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]) {
    this.logger.info(contextOf(rest), String(message));
  }
  error(message: unknown, ...rest: unknown[]) {
    // Nest passes (message, stack, context), or (message, error, context) from the CQRS buses.
    const [detail, ...others] = rest;
    const err = detail instanceof Error ? detail : typeof detail === 'string' ? { stack: detail } : undefined;
    this.logger.error({ ...contextOf(err === undefined ? rest : others), err }, String(message));
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.logger.warn(contextOf(rest), String(message));
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.logger.debug(contextOf(rest), String(message));
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.logger.trace(contextOf(rest), String(message));
  }
}

const contextOf = (rest: readonly unknown[]) => {
  const last = rest[rest.length - 1];
  return typeof last === 'string' ? { context: last } : {};
};

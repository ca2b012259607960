import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/**
 * Every error leaves as JSON with the same shape: `statusCode`, a stable `error` code, a Norwegian
 * `message` and `messageEn`, plus details (field errors, rejection code, revisions). Unexpected errors
 * are logged and answered with 500 without internals.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response: unknown = host.switchToHttp().getResponse();
    const reply = (status: number, body: object) =>
      this.adapterHost.httpAdapter.reply(response, body, status);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      reply(status, typeof body === 'object' ? { statusCode: status, ...body } : defaultBody(status, body));
      return;
    }
    this.logger.error('unexpected error', exception);
    reply(500, {
      statusCode: 500,
      error: 'internal',
      message: 'Noe gikk galt i tjenesten.',
      messageEn: 'Internal error.',
    });
  }
}

const defaultBody = (statusCode: number, message: string) => ({
  statusCode,
  error: 'http',
  message,
  messageEn: message,
});

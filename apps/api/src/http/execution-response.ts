import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { commandRoles, type ExecutionResult } from '@styring/app';
import { formatRevision } from '@styring/eventstore';
import { etagOf } from './revision-headers';

/** The shared command path's refusals that mean the role may not send the command at all: HTTP's 403. */
const forbiddenCodes: ReadonlySet<string> = new Set([
  'caller.unknown_role',
  'caller.read_only',
  'caller.command_not_allowed',
]);

export interface Accepted {
  readonly status: 201 | 200;
  readonly etag: string | undefined;
  readonly body: Extract<ExecutionResult, { status: 'accepted' }>;
}

/**
 * An execution result as HTTP: 201 with the appended events (200 when the command changed nothing), or
 * the error that says why nothing was written – 400 with field paths, 403 when the caller's role may not
 * send the command at all, 422 with the rule's code, 409 with the revision the stream is at now (or the
 * fact that kept changing while the command was decided).
 */
export const toHttp = (result: ExecutionResult): Accepted => {
  switch (result.status) {
    case 'accepted':
      return { status: result.events.length > 0 ? 201 : 200, etag: etagOf(result.revision), body: result };
    case 'invalid':
      throw new BadRequestException({
        error: 'invalid',
        message: 'Kommandoen er ugyldig; ingenting ble lagret.',
        messageEn: 'the command is invalid; nothing was written',
        errors: result.errors,
      });
    case 'rejected':
      if (forbiddenCodes.has(result.code)) {
        throw new ForbiddenException({
          error: 'forbidden',
          code: result.code,
          message: result.message,
          messageEn: result.messageEn,
          commandType: result.commandType,
          allowedRoles: new Map(Object.entries(commandRoles)).get(result.commandType) ?? [],
        });
      }
      throw new UnprocessableEntityException({
        error: 'rejected',
        code: result.code,
        message: result.message,
        messageEn: result.messageEn,
        commandType: result.commandType,
      });
    case 'conflict':
      if ('changed' in result) {
        throw new ConflictException({
          error: 'conflict',
          message:
            'Et faktum vedtaket bygde på (en delegering, en enhet …) ble endret mens det ble behandlet; ' +
            'prøv igjen. Ingenting ble lagret.',
          messageEn:
            `'${result.changed.type}' was recorded in stream '${result.changed.streamId}' while the command ` +
            'was decided on the facts before it; nothing was written',
          streamId: result.streamId,
          changed: result.changed,
        });
      }
      throw new ConflictException({
        error: 'conflict',
        message:
          'Noen andre har endret dette siden du leste det; les på nytt og prøv igjen. Ingenting ble lagret.',
        messageEn:
          `stream '${result.streamId}' is at revision ${formatRevision(result.actual)}, ` +
          `not ${formatRevision(result.expected)}; nothing was written`,
        streamId: result.streamId,
        expected: result.expected,
        actual: result.actual ?? null,
        etag: etagOf(result.actual) ?? null,
      });
  }
};

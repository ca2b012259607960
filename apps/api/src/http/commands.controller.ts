import { BadRequestException, Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiBody,
  ApiHeader,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
  type SchemaObject,
} from '@nestjs/swagger';
import { type Caller, type Identity, parseStrictJson } from '@styring/app';
import { type CommandType, commandCodecs, commandTypes } from '@styring/governance';
import { StyringCommand } from '@styring/nestjs';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { commandPermissions } from '../auth/permissions';
import { codecSchema } from '../openapi/codec-schema';
import { commandRoutes, pathParameters } from './command-routes';
import { toHttp } from './execution-response';
import { expectedRevisionFrom } from './revision-headers';

/** The part of the HTTP response a handler touches (passthrough mode: Nest still sends the body). */
interface ResponseHead {
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The verified caller; whom it acts for follows from the decision it enters (libs/app's caller table). */
const callerOf = (identity: Identity, correlationId: string): Caller => ({
  actor: identity.subject,
  role: identity.role,
  unit: identity.unit,
  correlationId,
});

/**
 * The body as submitted, read again from its bytes with `parseStrictJson`: express's parser keeps the last
 * of two equal keys, and a request and its stored event must not tell different facts.
 */
const strictBody = (request: AuthenticatedRequest, parsed: unknown): unknown => {
  const raw = (request as { rawBody?: Buffer }).rawBody;
  if (raw === undefined || raw.length === 0) return parsed;
  const strict = parseStrictJson(raw.toString('utf8'));
  if (strict.ok) return strict.value;
  throw new BadRequestException({
    error: 'invalid',
    message: 'Kommandoen er ugyldig; ingenting ble lagret.',
    messageEn: 'the command is invalid; nothing was written',
    errors: [{ path: strict.path ?? '', message: strict.message, messageEn: strict.messageEn }],
  });
};

/** The command's fields from the body and the path; a path value the body contradicts is a 400. */
const commandInput = (type: CommandType, params: Record<string, string>, body: unknown) => {
  if (!isObject(body)) {
    throw new BadRequestException({
      error: 'invalid',
      message: 'Innholdet må være et JSON-objekt.',
      messageEn: 'the body must be a JSON object',
      errors: [{ path: '', message: 'må være et JSON-objekt', messageEn: 'must be a JSON object' }],
    });
  }
  const errors = Object.entries(params)
    .filter(([name, value]) => body[name] !== undefined && body[name] !== value)
    .map(([name, value]) => ({
      path: name,
      message: `må være lik verdien i adressen (${value})`,
      messageEn: `must equal the value in the path (${value})`,
    }));
  if ('type' in body && body['type'] !== type) {
    errors.push({
      path: 'type',
      message: `må være ${type} eller utelates`,
      messageEn: `must be ${type} or left out`,
    });
  }
  if (errors.length > 0) {
    throw new BadRequestException({
      error: 'invalid',
      message: 'Kommandoen er ugyldig; ingenting ble lagret.',
      messageEn: 'the command is invalid; nothing was written',
      errors,
    });
  }
  return { ...body, ...params, type };
};

/**
 * Every governance command as `POST /api/<resource>…` (see `command-routes.ts`). The routes are made
 * from the command list, so a new command cannot be forgotten here.
 */
@ApiTags('kommandoer')
@ApiBearerAuth()
@Controller('api')
export class CommandsController {
  constructor(private readonly commandBus: CommandBus) {}

  async run(
    type: CommandType,
    request: AuthenticatedRequest,
    params: Record<string, string>,
    body: unknown,
    response: ResponseHead,
  ): Promise<unknown> {
    const input = commandInput(type, params, strictBody(request, body));
    const expectedRevision = expectedRevisionFrom(
      headerOf(request, 'if-match'),
      headerOf(request, 'if-none-match'),
    );
    const commandId = idempotencyKeyOf(headerOf(request, 'idempotency-key'), input);
    const result = await this.commandBus.execute(
      new StyringCommand(input, {
        caller: callerOf(request.identity, request.id),
        ...(expectedRevision === undefined ? {} : { expectedRevision }),
        ...(commandId === undefined ? {} : { commandId }),
      }),
    );
    const accepted = toHttp(result);
    response.status(accepted.status);
    if (accepted.etag !== undefined) response.setHeader('ETag', accepted.etag);
    return accepted.body;
  }
}

/** The `Idempotency-Key` header; a body `commandId` that says otherwise is a 400 (the executor checks its form). */
const idempotencyKeyOf = (header: string | undefined, input: Record<string, unknown>): string | undefined => {
  if (header !== undefined && 'commandId' in input && input['commandId'] !== header) {
    throw new BadRequestException({
      error: 'invalid',
      message: 'Kommandoen er ugyldig; ingenting ble lagret.',
      messageEn: 'the command is invalid; nothing was written',
      errors: [
        {
          path: 'commandId',
          message: 'må være lik Idempotency-Key eller utelates',
          messageEn: 'must equal Idempotency-Key or be left out',
        },
      ],
    });
  }
  return header;
};

/** A command's fields as the body carries them: without `type`, and with the path's values optional. */
const bodySchema = (type: CommandType, inPath: readonly string[]): SchemaObject => {
  const schema = codecSchema(commandCodecs[type]);
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).filter(([name]) => name !== 'type'),
  );
  return {
    ...schema,
    description: `Feltene i ${type}. Verdier i adressen (${inPath.join(', ') || 'ingen'}) kan utelates her.`,
    properties,
    required: (schema.required ?? []).filter((name) => name !== 'type' && !inPath.includes(name)),
  };
};

const headerOf = (request: AuthenticatedRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

for (const type of commandTypes) {
  const route = commandRoutes[type];
  const prototype = CommandsController.prototype as unknown as Record<string, unknown>;
  prototype[type] = function (
    this: CommandsController,
    request: AuthenticatedRequest,
    params: Record<string, string>,
    body: unknown,
    response: ResponseHead,
  ) {
    return this.run(type, request, params, body, response);
  };
  const descriptor = Object.getOwnPropertyDescriptor(prototype, type) as PropertyDescriptor;
  const decorators: MethodDecorator[] = [
    // No role gate here: which role may send the command is checked in the shared command path (403).
    Post(route.path),
    ApiOperation({
      operationId: type,
      summary: route.summary,
      description:
        `Kommandoen \`${type}\`. Roller: ${commandPermissions[type].join(', ')}. ` +
        'Send `If-Match` med ETag-en du leste for å unngå å overskrive andres endringer (409 ved konflikt).',
      tags: [route.tag],
    }),
    ApiBody({ schema: bodySchema(type, pathParameters(route.path)) }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'ETag (strømrevisjon) du leste, f.eks. "3"',
    }),
    ApiHeader({ name: 'X-Correlation-Id', required: false }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Din nøkkel for denne kommandoen (1–128 synlige ASCII-tegn): et nytt forsøk med samme nøkkel gir det første svaret og lagrer ingenting nytt; samme nøkkel med en annen kommando gir 422',
    }),
    ApiResponse({ status: 201, description: 'Godtatt: hendelsene som ble lagret, med ny ETag' }),
    ApiResponse({ status: 400, description: 'Ugyldig innhold, med feltstier' }),
    ApiResponse({ status: 401, description: 'Mangler gyldig token' }),
    ApiResponse({ status: 403, description: 'Rollen har ikke lov' }),
    ApiResponse({ status: 409, description: 'Konflikt: strømmen er endret siden If-Match' }),
    ApiResponse({ status: 422, description: 'Avvist av en regel i domenet, med kode' }),
    ...pathParameters(route.path).map((name) => ApiParam({ name, type: String })),
  ];
  for (const decorate of decorators) decorate(prototype, type, descriptor);
  Req()(prototype, type, 0);
  Param()(prototype, type, 1);
  Body()(prototype, type, 2);
  Res({ passthrough: true })(prototype, type, 3);
}

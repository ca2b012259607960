import { positionOf } from './position';
import {
  BadRequestException,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  Query,
  Res,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { OpenedStore } from '@styring/app';
import type { CurrentRevision } from '@styring/eventstore';
import { STYRING_STORE, StyringQuery } from '@styring/nestjs';
import { InvalidQuery } from '@styring/projections';
import { pathParameters } from './command-routes';
import { type FilterType, type ReadRoute, readRoutes } from './read-routes';
import { etagOf } from './revision-headers';

interface ResponseHead {
  setHeader(name: string, value: string): unknown;
}

const invalid = (errors: { path: string; message: string; messageEn: string }[]) =>
  new BadRequestException({
    error: 'invalid',
    message: 'Ugyldig spørring.',
    messageEn: 'invalid query',
    errors,
  });

const parse = (name: string, type: FilterType, value: string): unknown => {
  switch (type) {
    case 'string':
      return value;
    case 'number':
      if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value)))
        throw invalid([{ path: name, message: 'må være et heltall', messageEn: 'must be an integer' }]);
      return Number(value);
    case 'bigint': {
      const position = positionOf(value);
      if (position === undefined)
        throw invalid([{ path: name, message: 'må være en posisjon', messageEn: 'must be a position' }]);
      return position;
    }
    case 'boolean':
      if (value !== 'true' && value !== 'false') {
        throw invalid([
          { path: name, message: 'må være true eller false', messageEn: 'must be true or false' },
        ]);
      }
      return value === 'true';
  }
};

/** The query's options from the query string: only the route's filters and the point in time. */
const optionsOf = (route: ReadRoute, queryString: Record<string, unknown>): Record<string, unknown> => {
  const known: Record<string, FilterType> = {
    asOf: 'string',
    knownAt: 'string',
    clock: 'string',
    ...route.filters,
  };
  const options: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(queryString)) {
    const type = known[name];
    if (type === undefined) {
      throw invalid([
        {
          path: name,
          message: `er ikke et kjent filter (kjente: ${Object.keys(known).join(', ')})`,
          messageEn: `is not a known filter (known: ${Object.keys(known).join(', ')})`,
        },
      ]);
    }
    if (typeof value !== 'string') {
      throw invalid([{ path: name, message: 'kan bare gis én gang', messageEn: 'may be given only once' }]);
    }
    options[name] = parse(name, type, value);
  }
  return options;
};

/**
 * Every read model as `GET /api/<resource>` (see `read-routes.ts`), and every stream as
 * `GET /api/streams/:streamId`. Reads are open to every role, the revisor included.
 */
@ApiTags('lesing')
@ApiBearerAuth()
@Controller('api')
export class ReadModelsController {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(STYRING_STORE) private readonly store: OpenedStore,
  ) {}

  @Get('streams/:streamId')
  @ApiOperation({
    summary: 'Alle hendelser i én strøm, med strømmens revisjon som ETag (bruk den i If-Match)',
    tags: ['lesing'],
  })
  async stream(@Param('streamId') streamId: string, @Res({ passthrough: true }) response: ResponseHead) {
    const events = [];
    for await (const event of this.store.events.readStream(streamId)) events.push(event);
    const last = events.at(-1);
    if (last === undefined) throw notFound(`no stream '${streamId}'`);
    response.setHeader('ETag', etagOf(last.streamRevision) ?? '');
    return { streamId, revision: last.streamRevision, events };
  }

  async read(
    route: ReadRoute,
    params: Record<string, string>,
    queryString: Record<string, unknown>,
    response: ResponseHead,
  ): Promise<unknown> {
    const options = { ...optionsOf(route, queryString), ...params };
    const current = options['asOf'] === undefined && options['knownAt'] === undefined;
    // The revision is read before the read models catch up, so the body is at least as new as the ETag.
    const revision =
      route.stream !== undefined && current ? await this.revisionOf(route.stream(params)) : undefined;
    if (route.stream !== undefined && current && revision === undefined)
      throw notFound(`nothing at ${route.path}`);
    let answer: unknown;
    try {
      answer = await this.queryBus.execute(new StyringQuery(route.query, options as never));
    } catch (error) {
      if (error instanceof InvalidQuery) {
        throw invalid([
          {
            path: error.field,
            message: error.reasonNo === undefined ? 'er ugyldig' : `${error.field}: ${error.reasonNo}`,
            messageEn: error.message,
          },
        ]);
      }
      throw error;
    }
    const body = route.pick === undefined ? answer : route.pick(answer, params);
    if (body === undefined) throw notFound(`nothing at ${route.path} with ${JSON.stringify(params)}`);
    const etag = etagOf(revision);
    if (etag !== undefined) response.setHeader('ETag', etag);
    return body;
  }

  private async revisionOf(streamId: string): Promise<CurrentRevision> {
    for await (const last of this.store.events.readStream(streamId, {
      direction: 'backwards',
      maxCount: 1,
    })) {
      return last.streamRevision;
    }
    return undefined;
  }
}

const notFound = (messageEn: string) =>
  new NotFoundException({ error: 'not_found', message: 'Fant ikke ressursen.', messageEn });

const pointInTimeDocs = [
  ApiQuery({
    name: 'asOf',
    required: false,
    description:
      'Virkningstid: det som gjaldt da. Dato (ÅÅÅÅ-MM-DD, til og med dagens slutt i norsk tid) eller tidspunkt (ISO 8601); uten: alt',
  }),
  ApiQuery({
    name: 'knownAt',
    required: false,
    description:
      'Registreringstid: det systemet visste da, før senere registreringer og korrigeringer. Dato (ÅÅÅÅ-MM-DD, til og med dagens slutt i norsk tid) eller tidspunkt (ISO 8601); uten: alt vi vet nå',
  }),
  ApiQuery({
    name: 'clock',
    required: false,
    enum: ['effective', 'recorded'],
    description:
      'Eldre form: recorded gjør asOf til registreringstid (som knownAt alene); effective (standard) er asOf som virkningstid',
  }),
];

for (const [index, route] of readRoutes.entries()) {
  const key = `read${index}_${route.query}`;
  const prototype = ReadModelsController.prototype as unknown as Record<string, unknown>;
  prototype[key] = function (
    this: ReadModelsController,
    params: Record<string, string>,
    queryString: Record<string, unknown>,
    response: ResponseHead,
  ) {
    return this.read(route, params, queryString, response);
  };
  const descriptor = Object.getOwnPropertyDescriptor(prototype, key) as PropertyDescriptor;
  const decorators: MethodDecorator[] = [
    Get(route.path),
    ApiOperation({
      operationId: `get ${route.path}`,
      summary: route.summary,
      description:
        route.stream === undefined
          ? undefined
          : 'Svaret har ETag: strømmens revisjon. Send den som If-Match når du skriver.',
      tags: [route.tag],
    }),
    ...pointInTimeDocs,
    ...Object.entries(route.filters).map(([name, type]) =>
      ApiQuery({
        name,
        required: false,
        type: type === 'string' || type === 'bigint' ? String : type === 'number' ? Number : Boolean,
      }),
    ),
    ...pathParameters(route.path).map((name) => ApiParam({ name, type: String })),
  ];
  for (const decorate of decorators) decorate(prototype, key, descriptor);
  Param()(prototype, key, 0);
  Query()(prototype, key, 1);
  Res({ passthrough: true })(prototype, key, 2);
}

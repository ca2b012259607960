import {
  BadRequestException,
  ConflictException,
  Controller,
  Get,
  Headers,
  Inject,
  NotAcceptableException,
  NotFoundException,
  Param,
  Query,
  Res,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { OpenedStore } from '@styring/app';
import type { CurrentRevision } from '@styring/eventstore';
import { readModelQueries, STYRING_STORE, StyringQuery } from '@styring/nestjs';
import { InvalidQuery } from '@styring/projections';
import { pathParameters } from './command-routes';
import {
  answerCodecOf,
  csvMediaType,
  csvOf,
  type FilterType,
  filterValue,
  InvalidFilter,
  listItemOf,
  type ReadRoute,
  readRoutes,
} from '@styring/read-routes';
import { etagOf } from './revision-headers';
import { codecSchema } from '../openapi/codec-schema';
import { pageSchema } from '../openapi/answer-schema';
import { defaultPageSize, maxPageSize, pageOf, pageSizeOf, PagingError } from './pagination';

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
  try {
    return filterValue(name, type, value);
  } catch (error) {
    if (error instanceof InvalidFilter) {
      throw invalid([{ path: error.field, message: error.messageNb, messageEn: error.message }]);
    }
    throw error;
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
    tags: ['revisjon', 'lesing'],
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
    accept: string | undefined,
  ): Promise<unknown> {
    const item = listItemOf(route, readModelQueries);
    const csv = /\btext\/csv\b/.test(accept ?? '');
    if (csv && item === undefined) throw notAcceptable(route);
    // A list's paging parameters are the edge's own; the rest are the query's (others know no paging).
    const { cursor, pageSize, ...filters } = queryString;
    const size = item === undefined ? undefined : paged(() => pageSizeOf(pageSize));
    const options = { ...optionsOf(route, item === undefined ? queryString : filters), ...params };
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
    const body = route.pick === undefined ? answer : route.pick.select(answer, params);
    if (body === undefined) throw notFound(`nothing at ${route.path} with ${JSON.stringify(params)}`);
    const etag = etagOf(revision);
    if (etag !== undefined) response.setHeader('ETag', etag);
    if (item === undefined) return body;
    const page = paged(() =>
      pageOf(body as unknown[], { path: route.path, params, filters }, cursor, size ?? defaultPageSize),
    );
    if (page.nextCursor !== undefined) {
      response.setHeader('Link', `<${nextPageUrl(route, params, queryString, page.nextCursor)}>; rel="next"`);
    }
    response.setHeader('X-Total-Count', String(page.total));
    if (!csv) return page;
    response.setHeader('Content-Type', csvMediaType);
    return csvOf(item, page.items);
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

const notAcceptable = (route: ReadRoute) =>
  new NotAcceptableException({
    error: 'not_acceptable',
    message: 'Bare lister kan leveres som CSV; denne ressursen leveres som JSON.',
    messageEn: `only lists are served as CSV; ${route.path} is served as application/json`,
  });

/** A page, or the paging parameter's error as 400 (409 when the list changed under the cursor). */
const paged = <T>(page: () => T): T => {
  try {
    return page();
  } catch (error) {
    if (!(error instanceof PagingError)) throw error;
    const errors = [{ path: error.field, message: error.messageNb, messageEn: error.message }];
    if (error.stale) {
      throw new ConflictException({
        error: 'stale_cursor',
        message: 'Listen er endret.',
        messageEn: error.message,
        errors,
      });
    }
    throw invalid(errors);
  }
};

/** The next page's address: the same path and query string, with the next cursor. */
const nextPageUrl = (
  route: ReadRoute,
  params: Record<string, string>,
  queryString: Record<string, unknown>,
  cursor: string,
): string => {
  const path = route.path.replace(/:(\w+)/g, (_match, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
  const query = new URLSearchParams(
    Object.entries({ ...queryString, cursor }).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
  return `/api/${path}?${query}`;
};

const pagingDocs = [
  ApiQuery({
    name: 'pageSize',
    required: false,
    type: Number,
    description: `Antall elementer per side: ${defaultPageSize} uten, høyst ${maxPageSize}`,
  }),
  ApiQuery({
    name: 'cursor',
    required: false,
    type: String,
    description: 'Markøren for neste side: nextCursor fra forrige side (eller Link rel="next")',
  }),
];

/** The 200 response: the answer's schema, or a page of its items as JSON and as CSV. */
const responseDocs = (route: ReadRoute) => {
  const item = listItemOf(route, readModelQueries);
  return item === undefined
    ? ApiOkResponse({ description: 'Svaret', schema: codecSchema(answerCodecOf(route, readModelQueries)) })
    : ApiOkResponse({
        description:
          'Én side av listen. Link rel="next" peker på neste side; X-Total-Count er antallet i alt.',
        content: {
          'application/json': { schema: pageSchema(item) },
          'text/csv': {
            schema: {
              type: 'string',
              description:
                'Samme side som CSV (Accept: text/csv): semikolon, UTF-8 med BOM, norske kolonnenavn',
            },
          },
        },
      });
};

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
    accept: string | undefined,
  ) {
    return this.read(route, params, queryString, response, accept);
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
      tags: ['revisjon', route.tag],
    }),
    responseDocs(route),
    ...pointInTimeDocs,
    ...(listItemOf(route, readModelQueries) === undefined ? [] : pagingDocs),
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
  Headers('accept')(prototype, key, 3);
}

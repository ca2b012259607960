import type { SchemaObject } from '@nestjs/swagger';
import type * as t from 'io-ts';
import { maxPageSize } from '../http/pagination';
import { codecSchema } from './codec-schema';

/** The JSON envelope of one page of a list answer, around the schema of its items. */
export const pageSchema = (item: t.Mixed): SchemaObject => ({
  type: 'object',
  properties: {
    items: { type: 'array', items: codecSchema(item) },
    total: { type: 'integer', minimum: 0, description: 'Antall elementer i hele listen' },
    pageSize: { type: 'integer', minimum: 1, maximum: maxPageSize, description: 'Sidestørrelsen' },
    nextCursor: {
      type: 'string',
      description: 'Markøren for neste side (send som cursor med de samme filtrene); mangler på siste side',
    },
  },
  required: ['items', 'total', 'pageSize'],
});

import { randomUUID } from 'node:crypto';
import * as fc from 'fast-check';
import { esdbEventId } from './event-ids';

const uuidVersion8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('event ids as EventStoreDB UUIDs', () => {
  it('keeps an id that already is a lower-case UUID', () => {
    const id = randomUUID();
    expect(esdbEventId(id)).toBe(id);
  });

  it('maps any other id to the same UUID version 8 every time', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'binary' }), (id) => {
        const uuid = esdbEventId(id);
        expect(uuid).toMatch(uuidVersion8);
        expect(esdbEventId(id)).toBe(uuid);
      }),
    );
    expect(esdbEventId('vedtak-2024-001')).toBe(esdbEventId('vedtak-2024-001'));
    expect(esdbEventId(randomUUID().toUpperCase())).toMatch(uuidVersion8);
  });

  it('maps different ids to different UUIDs', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 200 }), (ids) => {
        expect(new Set(ids.map(esdbEventId)).size).toBe(ids.length);
      }),
    );
  });
});

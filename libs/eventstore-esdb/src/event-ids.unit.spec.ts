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

  // Stored events carry these UUIDs, and a retried append must send the same ones (the server recognizes a retry by them):
  // the mapping may never change. These vectors pin it; if one fails, the change is the bug.
  it.each([
    ['vedtak-2024-001', 'b9eaf8e8-de26-819e-8a52-f59ebc13c549'],
    ['demo-0001', '7d801464-afe3-8e13-a548-32e14a3458ec'],
    ['Lørenskog/æøå 2024', '349d99f0-6e0c-8457-a3a3-e0c8f521e579'],
    ['4C1F1E9A-6B4D-4E0F-9C3B-2A7D5E8F0B12', 'a5ad905d-1ff4-8e2e-92aa-57014fece94b'],
    ['01890a5d-ac96-774b-bcce-b302099a8057', '01890a5d-ac96-774b-bcce-b302099a8057'],
  ])('maps %j to %s, as it always has', (id, uuid) => {
    expect(esdbEventId(id)).toBe(uuid);
  });

  it('maps different ids to different UUIDs', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 200 }), (ids) => {
        expect(new Set(ids.map(esdbEventId)).size).toBe(ids.length);
      }),
    );
  });
});

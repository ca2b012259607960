import * as E from 'fp-ts/Either';
import { governanceEventSerde } from './event-serde';
import { currentSchemaVersions } from './governance-event';
import type { PlanAdopted } from './plans/messages';
import { councilDecision, recorded } from './testing/fixtures';

const temaplan: PlanAdopted = {
  type: 'PlanAdopted',
  planId: 'temaplan-idrett',
  kind: 'temaplan',
  title: 'Temaplan for idrett og friluftsliv',
  period: { from: '2024-01-01', to: '2027-12-31' },
  parentPlans: ['kommuneplan-samfunnsdel-2024'],
  goals: [],
  assignments: [],
  decision: councilDecision(),
};

describe('governanceEventSerde', () => {
  it('stores the type beside the data, with the current schema version, and reads it back unchanged', () => {
    const stored = governanceEventSerde.toStored(temaplan);
    expect(stored.type).toBe('PlanAdopted');
    expect(stored.schemaVersion).toBe(currentSchemaVersions.PlanAdopted);
    expect(stored.data).not.toHaveProperty('type');
    expect(governanceEventSerde.fromRecorded(recorded(temaplan, 1))).toEqual(E.right(temaplan));
  });

  it('reads a PlanAdopted of schema version 1 (one parentPlanId) as version 2 (a parentPlans list)', () => {
    const { type: _type, parentPlans: _parents, ...v2data } = temaplan;
    const v1 = (data: object) => ({ ...recorded(temaplan, 1), schemaVersion: 1, data });
    expect(
      governanceEventSerde.fromRecorded(v1({ ...v2data, parentPlanId: 'kommuneplan-samfunnsdel-2024' })),
    ).toEqual(E.right(temaplan));
    expect(governanceEventSerde.fromRecorded(v1(v2data))).toEqual(E.right({ ...temaplan, parentPlans: [] }));
  });

  it('names the bad field of a stored event that does not decode', () => {
    const broken = {
      ...recorded(temaplan, 1),
      data: {
        ...(governanceEventSerde.toStored(temaplan).data as object),
        period: { from: '2024-13-01', to: '2027-12-31' },
      },
    };
    const result = governanceEventSerde.fromRecorded(broken);
    expect(E.isLeft(result) && result.left).toMatchObject({
      _tag: 'UndecodableEvent',
      eventId: 'event-1',
      type: 'PlanAdopted',
      reason: expect.stringContaining('period.from: must be a valid date'),
    });
  });

  it('refuses unknown types, unknown fields, and schema versions newer than the code', () => {
    const reasonOf = (event: ReturnType<typeof recorded>) => {
      const result = governanceEventSerde.fromRecorded(event);
      return E.isLeft(result) ? result.left.reason : 'decoded';
    };
    expect(reasonOf({ ...recorded(temaplan, 1), type: 'PlanAdoptedd' })).toContain(
      "unknown event type 'PlanAdoptedd'",
    );
    expect(
      reasonOf({
        ...recorded(temaplan, 1),
        data: { ...(governanceEventSerde.toStored(temaplan).data as object), extra: 1 },
      }),
    ).toContain('extra: is not a known field');
    expect(reasonOf({ ...recorded(temaplan, 1), schemaVersion: 3 })).toContain('newer than this code knows');
    expect(reasonOf({ ...recorded(temaplan, 1), schemaVersion: 0 })).toContain('is not a version');
  });
});

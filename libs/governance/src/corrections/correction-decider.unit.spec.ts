// The given/when/then helper lives in the testkit; the domain's own code never imports it.
import { deciderSpecification } from '@styring/eventstore-testkit';
import type { PlanAdopted } from '../plans/messages';
import { councilDecision, recorded, standardContext } from '../testing/fixtures';
import { correctionDecider } from './correction-decider';
import type { CorrectEvent, EventCorrected } from './messages';

const spec = deciderSpecification(correctionDecider);

const hrStrategy: PlanAdopted = {
  type: 'PlanAdopted',
  planId: 'hr-strategi-2023',
  kind: 'strategi',
  title: 'HR-strategi',
  period: { from: '2023-01-01', to: '2026-12-31' },
  parentPlans: [],
  goals: [],
  assignments: [],
  decision: councilDecision({ decidedOn: '2023-06-14', caseNumber: '2023/1200' }),
};
const target = recorded(hrStrategy, 7, { eventId: 'e-hr', streamId: 'plan-hr-strategi-2023' });
const context = { ...standardContext, correctionTarget: target };

const correctEnd: CorrectEvent = {
  type: 'CorrectEvent',
  correctedEventId: 'e-hr',
  changes: [{ field: 'period.to', before: '2026-12-31', after: '2027-12-31' }],
  reason: 'Feil sluttår ble registrert; vedtaket sier 2027',
};
const endCorrected: EventCorrected = {
  ...correctEnd,
  type: 'EventCorrected',
  correctedEventType: 'PlanAdopted',
  correctedStreamId: 'plan-hr-strategi-2023',
};

describe('correctionDecider', () => {
  it('corrects a field of an earlier event, stating the value before and after', () => {
    spec.given([]).when(correctEnd, context).then([endCorrected]);
  });

  it('can add an optional field that had no value', () => {
    const addMeeting: CorrectEvent = {
      ...correctEnd,
      changes: [{ field: 'documentReference', after: '2023/1200-4' }],
    };
    spec
      .given([])
      .when(addMeeting, context)
      .then([{ ...endCorrected, changes: addMeeting.changes }]);
  });

  it('compares with the record as already corrected (correction.before_mismatch)', () => {
    spec.given([endCorrected]).when(correctEnd, context).thenRejectedWith('correction.before_mismatch');
    const again: CorrectEvent = {
      ...correctEnd,
      changes: [{ field: 'period.to', before: '2027-12-31', after: '2028-12-31' }],
    };
    spec
      .given([endCorrected])
      .when(again, context)
      .then([{ ...endCorrected, changes: again.changes }]);
  });

  it('refuses a correction that changes nothing (correction.no_change)', () => {
    spec
      .given([])
      .when(
        { ...correctEnd, changes: [{ field: 'period.to', before: '2026-12-31', after: '2026-12-31' }] },
        context,
      )
      .thenRejectedWith('correction.no_change');
  });

  it('refuses a result the event codec would not accept, naming the field (correction.result_invalid)', () => {
    spec
      .given([])
      .when(
        { ...correctEnd, changes: [{ field: 'period.to', before: '2026-12-31', after: '2027-02-30' }] },
        context,
      )
      .thenRejectedWith('correction.result_invalid');
    spec
      .given([])
      .when({ ...correctEnd, changes: [{ field: 'titel', after: 'HR-strategien' }] }, context)
      .thenRejectedWith('correction.result_invalid');
  });

  it('needs the named event in the context (correction.target_missing)', () => {
    spec.given([]).when(correctEnd, standardContext).thenRejectedWith('correction.target_missing');
    spec
      .given([])
      .when({ ...correctEnd, correctedEventId: 'e-other' }, context)
      .thenRejectedWith('correction.target_missing');
  });

  it('corrects original events, not corrections (correction.target_is_correction)', () => {
    const correction = recorded(endCorrected, 8, { eventId: 'e-fix' });
    spec
      .given([])
      .when(
        { ...correctEnd, correctedEventId: 'e-fix' },
        { ...standardContext, correctionTarget: correction },
      )
      .thenRejectedWith('correction.target_is_correction');
  });
});

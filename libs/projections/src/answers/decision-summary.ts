import * as t from 'io-ts';

/** A decision in an answer (`DecisionSummary`): who decided, when, in which case and on what authority. */
export const decisionSummary = t.intersection([
  t.type({
    body: t.string,
    decidedOn: t.string,
    caseNumber: t.string,
    authority: t.union([
      t.type({ kind: t.literal('law'), reference: t.string }),
      t.type({ kind: t.literal('delegation'), delegationId: t.string }),
    ]),
  }),
  t.partial({ meeting: t.string, unit: t.string }),
]);

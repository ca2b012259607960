import * as t from 'io-ts';

/** A decision as answers carry it (`DecisionSummary`): who, when, which case, on what authority. */
export const decisionSummaryCodec = t.intersection([
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

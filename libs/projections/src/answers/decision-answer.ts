import * as t from 'io-ts';

/** The authority a decision rests on: a section of law, or a delegation recorded in the history. */
export const authorityBasisAnswer = t.union(
  [
    t.type({ kind: t.literal('law'), reference: t.string }),
    t.type({ kind: t.literal('delegation'), delegationId: t.string }),
  ],
  'AuthorityBasis',
);

/** A decision as the queries return it: who decided, when, in which case, on what authority. */
export const decisionSummaryAnswer = t.intersection(
  [
    t.type({ body: t.string, decidedOn: t.string, caseNumber: t.string, authority: authorityBasisAnswer }),
    t.partial({ meeting: t.string, unit: t.string }),
  ],
  'DecisionSummary',
);

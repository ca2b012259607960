import * as t from 'io-ts';
import { authorityDecisionAnswer } from './authority-answers';
import { decisionSummaryAnswer } from '../answers/decision-answer';
import { provenanceCodec } from '../answers/provenance';

const holder = t.intersection([t.type({ body: t.string }), t.partial({ unit: t.string })]);

const scope = t.intersection([
  t.type({ commandTypes: t.array(t.string) }),
  t.partial({ planKinds: t.array(t.string), portfolios: t.array(t.string), maxAmountNok: t.number }),
]);

/** One link of a chain: a delegation and the decision that gave it. */
const chainLink = t.type({
  delegationId: t.string,
  from: holder,
  to: holder,
  grantedBy: decisionSummaryAnswer,
});

const delegation = t.intersection([
  t.type({
    delegationId: t.string,
    from: holder,
    to: holder,
    scope,
    validFrom: t.string,
    grantedBy: t.intersection([t.type({ decision: decisionSummaryAnswer }), provenanceCodec]),
    /**
     * From this delegation up through those it rests on to the one given by original authority (the
     * council's decision is the last link's `grantedBy`); `chainComplete` is false when a link is missing.
     */
    chain: t.array(chainLink),
    chainComplete: t.boolean,
    /** The delegations given under this one. */
    subDelegations: t.array(t.string),
    decisions: t.array(authorityDecisionAnswer),
  }),
  t.partial({
    validTo: t.string,
    basis: t.string,
    revoked: t.intersection([
      t.type({ revokedFrom: t.string, reason: t.string, decision: decisionSummaryAnswer }),
      provenanceCodec,
    ]),
    /** Whether it was in force on the day of `asOf`, its whole chain included (only with `asOf`). */
    inForce: t.boolean,
  }),
]);

export const delegationRegisterAnswer = t.array(delegation);

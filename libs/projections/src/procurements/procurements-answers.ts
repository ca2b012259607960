import * as t from 'io-ts';
import { decisionSummaryAnswer } from '../answers/decision-answer';
import { provenanceCodec } from '../answers/provenance';

const contract = t.intersection([
  t.type({ supplier: t.string, contractValueNok: t.number, decision: decisionSummaryAnswer }),
  t.partial({
    contractPeriod: t.type({ from: t.string, to: t.string }),
    /**
     * The amount limit of the delegation the award was made under: the lowest along its chain (a limit
     * left out of a sub-delegation is inherited); absent when no link has one or the award rests on law.
     */
    delegationLimitNok: t.number,
    withinDelegationLimit: t.boolean,
  }),
  provenanceCodec,
]);

const followUpAssignment = t.intersection([
  t.type({ followUpOwner: t.string, decision: decisionSummaryAnswer }),
  provenanceCodec,
]);

const procurement = t.intersection([
  t.type({
    procurementId: t.string,
    title: t.string,
    estimatedValueNok: t.number,
    callOff: t.boolean,
    requestingUnit: t.string,
    registeredOn: t.string,
    /** The threshold in force when it was registered, and the unit it made responsible. */
    thresholdNok: t.number,
    responsibleUnit: t.string,
    status: t.keyof({ registrert: null, tildelt: null }),
    registered: provenanceCodec,
    /** Every new follow-up owner after the award, in effective order. */
    followUpAssignments: t.array(followUpAssignment),
  }),
  t.partial({
    projectId: t.string,
    contract,
    /** Who follows up the contract now: the award's owner, or the latest assigned since. */
    followUpOwner: t.string,
  }),
]);

export const procurementRegisterAnswer = t.array(procurement);

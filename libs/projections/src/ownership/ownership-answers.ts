import * as t from 'io-ts';
import { decisionSummaryAnswer } from '../answers/decision-answer';
import { provenanceCodec } from '../answers/provenance';

const companyForm = t.keyof({ iks: null, as: null, kf: null, sa: null, stiftelse: null, annet: null });

const company = t.intersection([
  t.type({
    companyId: t.string,
    name: t.string,
    organisationNumber: t.string,
    companyForm,
    ownershipPercent: t.number,
    /** Ownership started: the day the company was entered in the register. */
    registeredOn: t.string,
    registered: provenanceCodec,
    status: t.keyof({ eid: null, avsluttet: null }),
    /** The eierskapsmeldinger adopted by `asOf` that cover the company. */
    ownershipReports: t.array(t.string),
  }),
  t.partial({
    /** Ownership ended: from when, why and by which decision (endings recorded before it was required have none). */
    ended: t.intersection([
      t.type({ endedOn: t.string, reason: t.string }),
      t.partial({ decision: decisionSummaryAnswer }),
      provenanceCodec,
    ]),
  }),
]);

export const companyRegisterAnswer = t.array(company);

const ownershipReport = t.intersection([
  t.type({
    reportId: t.string,
    title: t.string,
    electoralPeriod: t.type({ from: t.string, to: t.string }),
    companies: t.array(t.string),
    documentReference: t.string,
    decision: decisionSummaryAnswer,
  }),
  provenanceCodec,
]);

export const ownershipReportsAnswer = t.array(ownershipReport);

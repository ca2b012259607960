import * as t from 'io-ts';
import { decisionSummaryAnswer } from '../answers/decision-answer';
import { provenanceCodec } from '../answers/provenance';

const unitKind = t.keyof({
  sektor: null,
  stabsavdeling: null,
  virksomhet: null,
  seksjon: null,
  avdeling: null,
});

/** A decision about a unit, with where it was recorded and whether a correction changed it. */
const unitDecision = t.intersection([t.type({ decision: decisionSummaryAnswer }), provenanceCodec]);

/** A unit as the register showed it at a point in time. */
const organizationUnit = t.intersection([
  t.type({
    unit: t.string,
    name: t.string,
    kind: unitKind,
    status: t.keyof({ aktiv: null, nedlagt: null }),
    established: unitDecision,
  }),
  t.partial({
    parent: t.string,
    /** The sector it belongs to: itself, or the nearest sector among its ancestors. */
    sector: t.string,
    dissolved: t.intersection([t.type({ reason: t.string }), unitDecision]),
  }),
]);

export const organizationUnitsAnswer = t.array(organizationUnit);

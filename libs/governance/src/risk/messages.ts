import * as t from 'io-ts';
import { IsoDate } from '../shared/dates';
import { DecisionReference } from '../shared/decision-reference';
import { nonEmptyList } from '../shared/lists';
import { commandNames } from '../shared/command-names';
import { message } from '../shared/message';
import { PositiveInt } from '../shared/numbers';
import { Slug } from '../shared/slug';
import { struct } from '../shared/struct';
import { Text } from '../shared/text';
import { RiskBand, riskScaleFields } from './risk-scale';

const scaleAdoption = { ...riskScaleFields, decision: DecisionReference };
/** Adopt a version of the risk scale: the kommune decides where the bands end, i.e. what is acceptable. */
export const AdoptRiskScale = message('AdoptRiskScale', scaleAdoption);
export type AdoptRiskScale = t.TypeOf<typeof AdoptRiskScale>;
export const RiskScaleAdopted = message('RiskScaleAdopted', scaleAdoption);
export type RiskScaleAdopted = t.TypeOf<typeof RiskScaleAdopted>;

/** overordnet: the yearly overall assessment; internkontroll: the risk of breaking law or rules. */
export const RiskContext = t.keyof(
  { overordnet: null, sektor: null, prosjekt: null, internkontroll: null },
  'RiskContext',
);
export type RiskContext = t.TypeOf<typeof RiskContext>;

export const DimensionScore = struct('DimensionScore', { dimension: Slug, value: PositiveInt });

const assessment = {
  riskId: Slug,
  title: Text,
  context: RiskContext,
  scaleVersion: PositiveInt,
  likelihood: PositiveInt,
  ownerUnit: Slug,
  treatment: Text,
  assessedOn: IsoDate,
  nextReview: IsoDate,
};
/** `subject`: what the context is about, e.g. the project or the unit assessed. */
const assessmentExtras = { consequenceByDimension: nonEmptyList(DimensionScore), subject: Slug };

/** Assess a risk; give the consequence either overall or per dimension. Reassessing is a new assessment. */
export const AssessRisk = message('AssessRisk', assessment, {
  consequence: PositiveInt,
  ...assessmentExtras,
});
export type AssessRisk = t.TypeOf<typeof AssessRisk>;
/** `consequence` (the worst dimension when scored per dimension), `score` and `band` are derived. */
export const RiskAssessed = message(
  'RiskAssessed',
  { ...assessment, consequence: PositiveInt, score: PositiveInt, band: RiskBand },
  assessmentExtras,
);
export type RiskAssessed = t.TypeOf<typeof RiskAssessed>;

export const TreatmentStrategy = t.keyof(
  { redusere: null, akseptere: null, overfore: null, unnga: null },
  'TreatmentStrategy',
);

const treatment = {
  riskId: Slug,
  strategy: TreatmentStrategy,
  measures: t.readonlyArray(Text),
  decision: DecisionReference,
};
const treatmentExtras = { responsibleUnit: Slug, due: IsoDate };
export const DecideRiskTreatment = message('DecideRiskTreatment', treatment, treatmentExtras);
export type DecideRiskTreatment = t.TypeOf<typeof DecideRiskTreatment>;
export const RiskTreatmentDecided = message('RiskTreatmentDecided', treatment, treatmentExtras);
export type RiskTreatmentDecided = t.TypeOf<typeof RiskTreatmentDecided>;

const closing = { riskId: Slug, closedOn: IsoDate, reason: Text };
export const CloseRisk = message('CloseRisk', closing);
export type CloseRisk = t.TypeOf<typeof CloseRisk>;
export const RiskClosed = message('RiskClosed', closing);
export type RiskClosed = t.TypeOf<typeof RiskClosed>;

export type RiskCommand = AssessRisk | DecideRiskTreatment | CloseRisk;
export type RiskEvent = RiskAssessed | RiskTreatmentDecided | RiskClosed;

/** This area's commands, by name: their part of the recorded vocabulary (`command-types.ts`). */
export const riskCommandNames = commandNames(AdoptRiskScale, AssessRisk, DecideRiskTreatment, CloseRisk);

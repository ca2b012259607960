import * as t from 'io-ts';
import { DecidingBody } from '../shared/bodies';
import { IsoDate } from '../shared/dates';
import { DecisionReference } from '../shared/decision-reference';
import { nonEmptyList } from '../shared/lists';
import { commandNames } from '../shared/command-names';
import { message } from '../shared/message';
import { Slug } from '../shared/slug';
import { DocumentReference, Text } from '../shared/text';
import { Portfolio } from './portfolios';

/** `need`: the need in the line the project answers; that it is stated is a rule (`project.need_required`). */
const registration = {
  projectId: Slug,
  name: Text,
  portfolio: Portfolio,
  owningUnit: Slug,
  need: t.string,
  registeredOn: IsoDate,
};
const description = { description: Text };

export const RegisterProject = message('RegisterProject', registration, description);
export type RegisterProject = t.TypeOf<typeof RegisterProject>;
export const ProjectRegistered = message('ProjectRegistered', registration, description);
export type ProjectRegistered = t.TypeOf<typeof ProjectRegistered>;

export const ProjectHealth = t.keyof({ gronn: null, gul: null, rod: null }, 'ProjectHealth');

const statusReport = {
  projectId: Slug,
  reportedOn: IsoDate,
  health: ProjectHealth,
  summary: Text,
  reportedTo: DecidingBody,
};
export const ReportProjectStatus = message('ReportProjectStatus', statusReport);
export type ReportProjectStatus = t.TypeOf<typeof ReportProjectStatus>;
export const ProjectStatusReported = message('ProjectStatusReported', statusReport);
export type ProjectStatusReported = t.TypeOf<typeof ProjectStatusReported>;

const completion = { projectId: Slug, completedOn: IsoDate };
const completionSummary = { summary: Text };
export const CompleteProject = message('CompleteProject', completion, completionSummary);
export type CompleteProject = t.TypeOf<typeof CompleteProject>;
export const ProjectCompleted = message('ProjectCompleted', completion, completionSummary);
export type ProjectCompleted = t.TypeOf<typeof ProjectCompleted>;

const cancellation = { projectId: Slug, reason: Text, decision: DecisionReference };
export const CancelProject = message('CancelProject', cancellation);
export type CancelProject = t.TypeOf<typeof CancelProject>;
export const ProjectCancelled = message('ProjectCancelled', cancellation);
export type ProjectCancelled = t.TypeOf<typeof ProjectCancelled>;

/** Evaluation and learning (læring og forbedring): may happen at any time in a project's life. */
const evaluation = { projectId: Slug, evaluatedOn: IsoDate, lessons: nonEmptyList(Text) };
const evaluationDocument = { documentReference: DocumentReference };
export const EvaluateProject = message('EvaluateProject', evaluation, evaluationDocument);
export type EvaluateProject = t.TypeOf<typeof EvaluateProject>;
export const ProjectEvaluated = message('ProjectEvaluated', evaluation, evaluationDocument);
export type ProjectEvaluated = t.TypeOf<typeof ProjectEvaluated>;

export type ProjectCommand =
  RegisterProject | ReportProjectStatus | CompleteProject | CancelProject | EvaluateProject;
export type ProjectEvent =
  ProjectRegistered | ProjectStatusReported | ProjectCompleted | ProjectCancelled | ProjectEvaluated;

/** This area's commands, by name: their part of the recorded vocabulary (`command-types.ts`). */
export const projectCommandNames = commandNames(
  RegisterProject,
  ReportProjectStatus,
  CompleteProject,
  CancelProject,
  EvaluateProject,
);

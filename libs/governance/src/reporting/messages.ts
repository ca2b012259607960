import * as t from 'io-ts';
import { DecidingBody } from '../shared/bodies';
import { IsoDate, Period } from '../shared/dates';
import { Holder } from '../shared/holder';
import { nonEmptyList } from '../shared/lists';
import { commandNames } from '../shared/command-names';
import { message } from '../shared/message';
import { Slug } from '../shared/slug';
import { struct } from '../shared/struct';
import { DocumentReference, Text } from '../shared/text';
import { ReportKind } from './report-kinds';

const report = {
  reportId: Slug,
  kind: ReportKind,
  period: Period,
  from: Holder,
  to: DecidingBody,
  submittedOn: IsoDate,
  documentReference: DocumentReference,
};
/**
 * A report answers an obligation of the årshjul, or says why it is sent without one; `earlyReason` says why
 * it is delivered before its period ended (an optional field added later: older records decode unchanged).
 */
const reportBasis = { obligationId: Slug, withoutObligationReason: Text, earlyReason: Text };

export const SubmitReport = message('SubmitReport', report, reportBasis);
export type SubmitReport = t.TypeOf<typeof SubmitReport>;
export const ReportSubmitted = message('ReportSubmitted', report, reportBasis);
export type ReportSubmitted = t.TypeOf<typeof ReportSubmitted>;

export const ChecklistItem = struct(
  'ChecklistItem',
  { item: Text, status: t.keyof({ ok: null, avvik: null, 'ikke-relevant': null }, 'ChecklistStatus') },
  { comment: Text },
);

/** The internkontroll checklist (in Framsikt) a unit completes for the styringsdialog, twice a year. */
const checklist = { unit: Slug, period: Period, completedOn: IsoDate, items: nonEmptyList(ChecklistItem) };
const checklistObligation = { obligationId: Slug };
export const CompleteInternalControlChecklist = message(
  'CompleteInternalControlChecklist',
  checklist,
  checklistObligation,
);
export type CompleteInternalControlChecklist = t.TypeOf<typeof CompleteInternalControlChecklist>;
export const InternalControlChecklistCompleted = message(
  'InternalControlChecklistCompleted',
  checklist,
  checklistObligation,
);
export type InternalControlChecklistCompleted = t.TypeOf<typeof InternalControlChecklistCompleted>;

export const DeviationCategory = t.keyof(
  { lovbrudd: null, rutinebrudd: null, hms: null, personvern: null, annet: null },
  'DeviationCategory',
);

/** An avvik: a deviation from law, rules or routines found in internkontroll (kommuneloven § 25-1). */
const deviation = {
  deviationId: Slug,
  unit: Slug,
  observedOn: IsoDate,
  category: DeviationCategory,
  description: Text,
};
export const RecordDeviation = message('RecordDeviation', deviation);
export type RecordDeviation = t.TypeOf<typeof RecordDeviation>;
export const DeviationRecorded = message('DeviationRecorded', deviation);
export type DeviationRecorded = t.TypeOf<typeof DeviationRecorded>;

const deviationClosing = { deviationId: Slug, closedOn: IsoDate, correctiveAction: Text };
export const CloseDeviation = message('CloseDeviation', deviationClosing);
export type CloseDeviation = t.TypeOf<typeof CloseDeviation>;
export const DeviationClosed = message('DeviationClosed', deviationClosing);
export type DeviationClosed = t.TypeOf<typeof DeviationClosed>;

export type DeviationCommand = RecordDeviation | CloseDeviation;
export type DeviationEvent = DeviationRecorded | DeviationClosed;

/** This area's commands, by name: their part of the recorded vocabulary (`command-types.ts`). */
export const reportingCommandNames = commandNames(
  SubmitReport,
  CompleteInternalControlChecklist,
  RecordDeviation,
  CloseDeviation,
);

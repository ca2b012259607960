import type { CommandSpec } from '../command-spec';
import { lineRoles, secretariatRole } from '../shared/roles';
import { streamById, streamCategories } from '../stream-categories';
import {
  CloseDeviation,
  CompleteInternalControlChecklist,
  DeviationClosed,
  DeviationRecorded,
  InternalControlChecklistCompleted,
  RecordDeviation,
  ReportSubmitted,
  SubmitReport,
} from './messages';

const deviationStream = streamById('deviation', 'deviationId');
const tag = 'rapportering';

/** Reports in the årshjul, internal control checklists and deviations. */
export const reportingCommands = {
  SubmitReport: {
    codec: SubmitReport,
    decider: 'report',
    stream: streamById('report', 'reportId'),
    route: { path: 'reports', summary: 'Lever en rapport i årshjulet', tag },
    // The political secretariat enters the reports of the elected bodies (kontrollutvalget's årsmelding).
    roles: [...lineRoles, secretariatRole],
    events: { ReportSubmitted: { codec: ReportSubmitted, label: 'Rapport levert' } },
  } satisfies CommandSpec<SubmitReport, ReportSubmitted>,
  CompleteInternalControlChecklist: {
    codec: CompleteInternalControlChecklist,
    decider: 'checklist',
    stream: (c) => `${streamCategories.checklist}-${c.unit}-${c.period.from}`,
    route: { path: 'internal-control-checklists', summary: 'Fullfør sjekkliste for internkontroll', tag },
    roles: lineRoles,
    events: {
      InternalControlChecklistCompleted: {
        codec: InternalControlChecklistCompleted,
        label: 'Sjekkliste for internkontroll fylt ut',
      },
    },
  } satisfies CommandSpec<CompleteInternalControlChecklist, InternalControlChecklistCompleted>,
  RecordDeviation: {
    codec: RecordDeviation,
    decider: 'deviation',
    stream: deviationStream,
    route: { path: 'deviations', summary: 'Registrer et avvik', tag },
    roles: lineRoles,
    events: { DeviationRecorded: { codec: DeviationRecorded, label: 'Avvik registrert' } },
  } satisfies CommandSpec<RecordDeviation, DeviationRecorded>,
  CloseDeviation: {
    codec: CloseDeviation,
    decider: 'deviation',
    stream: deviationStream,
    route: { path: 'deviations/:deviationId/closure', summary: 'Lukk et avvik', tag },
    roles: lineRoles,
    events: { DeviationClosed: { codec: DeviationClosed, label: 'Avvik lukket' } },
  } satisfies CommandSpec<CloseDeviation, DeviationClosed>,
};

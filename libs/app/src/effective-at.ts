import type { RecordedEvent } from '@styring/eventstore';
import type { GovernanceCommand } from '@styring/governance';

/**
 * When a command's facts take effect (the events' `effectiveAt`, as opposed to `recordedAt`): the date of
 * the decision, or the date the command itself names (registered, reported, submitted …). A correction
 * takes effect when the fact it corrects did: it says what was true then.
 */
export const effectiveAtOf = (
  command: GovernanceCommand,
  correctionTarget: RecordedEvent | undefined,
): string => {
  if ('decision' in command) return command.decision.decidedOn;
  switch (command.type) {
    case 'RegisterProject':
    case 'RegisterProcurement':
    case 'RegisterCompany':
      return command.registeredOn;
    case 'ReportProjectStatus':
      return command.reportedOn;
    case 'CompleteProject':
      return command.completedOn;
    case 'EvaluateProject':
      return command.evaluatedOn;
    case 'AssessRisk':
      return command.assessedOn;
    case 'CloseRisk':
    case 'CloseDeviation':
    case 'CloseSupervision':
      return command.closedOn;
    case 'SubmitReport':
      return command.submittedOn;
    case 'CompleteInternalControlChecklist':
      return command.completedOn;
    case 'RecordDeviation':
      return command.observedOn;
    case 'OpenSupervision':
      return command.openedOn;
    case 'RecordSupervisionFinding':
      return command.recordedOn;
    case 'CorrectEvent':
      // Without a target the decider refuses the correction; nothing is written with this date.
      return correctionTarget?.metadata.effectiveAt ?? '';
  }
};

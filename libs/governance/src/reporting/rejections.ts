import { rejection } from '@styring/eventstore';

export const reportingRejections = {
  alreadySubmitted: (reportId: string) =>
    rejection(
      'report.already_submitted',
      `Rapporten «${reportId}» er allerede levert; rettelser registreres som korrigering.`,
      `The report '${reportId}' is already submitted; fixes are recorded as a correction.`,
    ),
  obligationOrReasonRequired: () =>
    rejection(
      'report.obligation_or_reason_required',
      'En rapport viser til én rapporteringsplikt i årshjulet (obligationId), eller sier hvorfor den sendes uten (withoutObligationReason).',
      'A report names one reporting obligation of the årshjul (obligationId), or says why it is sent without one (withoutObligationReason).',
    ),
  obligationUnknown: (obligationId: string) =>
    rejection(
      'report.obligation_unknown',
      `Rapporteringsplikten «${obligationId}» finnes ikke i årshjulet.`,
      `The reporting obligation '${obligationId}' is not in the årshjul.`,
    ),
  obligationNotInForce: (obligationId: string, date: string) =>
    rejection(
      'report.obligation_not_in_force',
      `Rapporteringsplikten «${obligationId}» gjaldt ikke ${date}.`,
      `The reporting obligation '${obligationId}' was not in force on ${date}.`,
    ),
  kindMismatch: (obligationId: string, kind: string) =>
    rejection(
      'report.kind_mismatch',
      `Rapporteringsplikten «${obligationId}» gjelder ${kind}, ikke denne typen rapport.`,
      `The reporting obligation '${obligationId}' is for a ${kind}, not this kind of report.`,
    ),
  senderMismatch: (obligationId: string, expected: string) =>
    rejection(
      'report.sender_mismatch',
      `Rapporteringsplikten «${obligationId}» skal oppfylles av ${expected}, ikke av avsenderen rapporten oppgir.`,
      `The reporting obligation '${obligationId}' is met by ${expected}, not by the sender the report names.`,
    ),
  recipientMismatch: (obligationId: string, expected: string) =>
    rejection(
      'report.recipient_mismatch',
      `Rapporteringsplikten «${obligationId}» gjelder rapport til ${expected}, ikke til mottakeren rapporten oppgir.`,
      `The reporting obligation '${obligationId}' is a report to ${expected}, not to the recipient the report names.`,
    ),
  periodNotEnded: (periodTo: string) =>
    rejection(
      'report.period_not_ended',
      `Perioden rapporten gjelder er ikke over (til ${periodTo}); oppgi hvorfor den leveres før (earlyReason).`,
      `The period the report covers has not ended (to ${periodTo}); say why it is delivered early (earlyReason).`,
    ),
  checklistAlreadyCompleted: (unit: string) =>
    rejection(
      'internal_control.checklist_already_completed',
      `Sjekklisten for internkontroll er allerede fylt ut for «${unit}» i denne perioden.`,
      `The internkontroll checklist is already completed for '${unit}' in this period.`,
    ),
  deviationExists: (deviationId: string) =>
    rejection(
      'deviation.already_recorded',
      `Avviket «${deviationId}» er allerede registrert.`,
      `The deviation '${deviationId}' is already recorded.`,
    ),
  deviationUnknown: (deviationId: string) =>
    rejection(
      'deviation.not_recorded',
      `Avviket «${deviationId}» er ikke registrert.`,
      `The deviation '${deviationId}' is not recorded.`,
    ),
  deviationClosed: (deviationId: string) =>
    rejection(
      'deviation.already_closed',
      `Avviket «${deviationId}» er allerede lukket.`,
      `The deviation '${deviationId}' is already closed.`,
    ),
  closedBeforeObserved: () =>
    rejection(
      'deviation.closed_before_observed',
      'Et avvik kan ikke lukkes før det ble oppdaget.',
      'A deviation cannot be closed before it was observed.',
    ),
};

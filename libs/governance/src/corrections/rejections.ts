import { rejection } from '@styring/eventstore';

export const correctionRejections = {
  targetMissing: (eventId: string) =>
    rejection(
      'correction.target_missing',
      `Hendelsen «${eventId}» som skal korrigeres, finnes ikke.`,
      `The event '${eventId}' to correct does not exist.`,
    ),
  targetIsCorrection: (eventId: string) =>
    rejection(
      'correction.target_is_correction',
      `Hendelsen «${eventId}» er selv en korrigering; korriger den opprinnelige hendelsen på nytt i stedet.`,
      `The event '${eventId}' is itself a correction; correct the original event again instead.`,
    ),
  beforeMismatch: (field: string) =>
    rejection(
      'correction.before_mismatch',
      `Verdien «før» for ${field} stemmer ikke med det som står registrert nå.`,
      `The 'before' value of ${field} does not match what is recorded now.`,
    ),
  noChange: (field: string) =>
    rejection(
      'correction.no_change',
      `Korrigeringen av ${field} endrer ingenting.`,
      `The correction of ${field} changes nothing.`,
    ),
  resultInvalid: (details: string) =>
    rejection(
      'correction.result_invalid',
      `Hendelsen ville ikke vært gyldig etter korrigeringen: ${details}`,
      `The event would not be valid after the correction: ${details}`,
    ),
};

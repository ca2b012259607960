import { rejection } from '@styring/eventstore';

export const procurementRejections = {
  alreadyRegistered: (procurementId: string) =>
    rejection(
      'procurement.already_registered',
      `Anskaffelsen «${procurementId}» er allerede registrert.`,
      `The procurement '${procurementId}' is already registered.`,
    ),
  noThresholdInForce: (date: string) =>
    rejection(
      'procurement.no_threshold_in_force',
      `Ingen terskelverdi for anskaffelser gjaldt ${date}; ansvaret kan ikke fordeles.`,
      `No procurement threshold was in force on ${date}; responsibility cannot be assigned.`,
    ),
  valueNotPositive: (field: string) =>
    rejection(
      'procurement.value_not_positive',
      `${field} må være mer enn 0 kr: en anskaffelse har en verdi.`,
      `${field} must be more than NOK 0: a procurement has a value.`,
    ),
  notRegistered: (procurementId: string) =>
    rejection(
      'procurement.not_registered',
      `Anskaffelsen «${procurementId}» er ikke registrert.`,
      `The procurement '${procurementId}' is not registered.`,
    ),
  alreadyAwarded: (procurementId: string) =>
    rejection(
      'procurement.already_awarded',
      `Kontrakten i anskaffelsen «${procurementId}» er allerede tildelt.`,
      `The contract of the procurement '${procurementId}' is already awarded.`,
    ),
  notAwarded: (procurementId: string) =>
    rejection(
      'procurement.not_awarded',
      `Anskaffelsen «${procurementId}» har ingen tildelt kontrakt å følge opp.`,
      `The procurement '${procurementId}' has no awarded contract to follow up.`,
    ),
};

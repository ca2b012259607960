import { rejection } from '@styring/eventstore';

export const riskRejections = {
  scaleVersionExists: (version: number) =>
    rejection(
      'risk.scale_version_exists',
      `Versjon ${version} av risikoskalaen er allerede vedtatt; en endret skala er en ny versjon.`,
      `Version ${version} of the risk scale is already adopted; a changed scale is a new version.`,
    ),
  scaleBandsInvalid: (highest: number) =>
    rejection(
      'risk.scale_bands_invalid',
      `Risikonivåene må ha stigende, ulike øvre grenser og ulike navn, og det siste må gå til høyeste mulige verdi (${highest}).`,
      `The risk bands must have rising, distinct upper limits and distinct names, and the last must reach the highest possible score (${highest}).`,
    ),
  scaleUnknown: (version: number) =>
    rejection(
      'risk.scale_unknown',
      `Versjon ${version} av risikoskalaen er ikke vedtatt.`,
      `Version ${version} of the risk scale is not adopted.`,
    ),
  scaleNotInForce: (version: number, date: string) =>
    rejection(
      'risk.scale_not_in_force',
      `Versjon ${version} av risikoskalaen gjaldt ikke ${date}.`,
      `Version ${version} of the risk scale was not in force on ${date}.`,
    ),
  consequenceRequired: () =>
    rejection(
      'risk.consequence_required',
      'Oppgi konsekvensen enten samlet (consequence) eller per dimensjon (consequenceByDimension), ikke begge.',
      'Give the consequence either overall (consequence) or per dimension (consequenceByDimension), not both.',
    ),
  dimensionUnknown: (dimension: string, version: number) =>
    rejection(
      'risk.dimension_unknown',
      `Konsekvensdimensjonen «${dimension}» finnes ikke i versjon ${version} av risikoskalaen.`,
      `The consequence dimension '${dimension}' is not in version ${version} of the risk scale.`,
    ),
  valueOutOfScale: (field: string, value: number, levels: number) =>
    rejection(
      'risk.value_out_of_scale',
      `${field} er ${value}, men skalaen går fra 1 til ${levels}.`,
      `${field} is ${value}, but the scale runs from 1 to ${levels}.`,
    ),
  nextReviewNotAfterAssessment: () =>
    rejection(
      'risk.next_review_not_after_assessment',
      'Neste gjennomgang må være etter vurderingsdatoen.',
      'The next review must come after the assessment date.',
    ),
  notAssessed: (riskId: string) =>
    rejection(
      'risk.not_assessed',
      `Risikoen «${riskId}» er ikke vurdert.`,
      `The risk '${riskId}' is not assessed.`,
    ),
  closed: (riskId: string) =>
    rejection(
      'risk.closed',
      `Risikoen «${riskId}» er lukket; en ny risiko får ny id.`,
      `The risk '${riskId}' is closed; a new risk gets a new id.`,
    ),
};

import type * as t from 'io-ts';
import { IsoDate, isWithin } from '../shared/dates';
import { Nok } from '../shared/numbers';
import { Slug } from '../shared/slug';
import { struct } from '../shared/struct';
import { Text } from '../shared/text';
import { knownUnits } from '../shared/units';

/**
 * Who runs a procurement, as dated configuration: above `thresholdNok` (ex. VAT) a central unit runs it;
 * at or below it, and every call-off on a framework agreement, the line. Thresholds change over time, so
 * each version says from when (and until when) it applies.
 */
export const ProcurementThreshold = struct(
  'ProcurementThreshold',
  { validFrom: IsoDate, thresholdNok: Nok, centralUnit: Slug, source: Text },
  { validTo: IsoDate },
);
export type ProcurementThreshold = t.TypeOf<typeof ProcurementThreshold>;

export const defaultProcurementThresholds: readonly ProcurementThreshold[] = [
  {
    validFrom: '2024-01-01',
    thresholdNok: 1_300_000,
    centralUnit: knownUnits.utviklingOgDigitalisering,
    source: 'Helhetlig styring i Lørenskog kommune (2024), «Kontraktstyring»',
  },
];

/** The threshold in force on a date; when versions overlap, the one that started last. */
export const thresholdInForce = (
  thresholds: readonly ProcurementThreshold[],
  date: string,
): ProcurementThreshold | undefined =>
  thresholds
    .filter((threshold) => isWithin(date, threshold.validFrom, threshold.validTo))
    .reduce<ProcurementThreshold | undefined>(
      (latest, threshold) =>
        latest === undefined || threshold.validFrom > latest.validFrom ? threshold : latest,
      undefined,
    );

/** «Ansvar for gjennomføring av anskaffelsesprosesser med en verdi over 1,3 millioner ligger hos seksjon for Utvikling og digitalisering». */
export const responsibleUnitFor = (
  threshold: ProcurementThreshold,
  procurement: {
    readonly estimatedValueNok: number;
    readonly callOff: boolean;
    readonly requestingUnit: string;
  },
): string =>
  !procurement.callOff && procurement.estimatedValueNok > threshold.thresholdNok
    ? threshold.centralUnit
    : procurement.requestingUnit;

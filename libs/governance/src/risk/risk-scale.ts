import * as t from 'io-ts';
import { IsoDate } from '../shared/dates';
import { nonEmptyList } from '../shared/lists';
import { PositiveInt } from '../shared/numbers';
import { Slug } from '../shared/slug';
import { struct } from '../shared/struct';

/** Low, medium, high: green, yellow, red. */
export const RiskBand = t.keyof({ lav: null, middels: null, hoy: null }, 'RiskBand');
export type RiskBand = t.TypeOf<typeof RiskBand>;

export const riskBandLabels: Readonly<Record<RiskBand, string>> = {
  lav: 'Lav',
  middels: 'Middels',
  hoy: 'Høy',
};

export const RiskBandLimit = struct('RiskBandLimit', { band: RiskBand, maxScore: PositiveInt });

/**
 * A version of the kommune's risk scale: how many levels likelihood and consequence have (1–5 in the
 * document), where the bands end (the kommune decides what is acceptable), and which consequence dimensions
 * may be scored separately (life and health, environment, economy …).
 */
export const riskScaleFields = {
  scaleVersion: PositiveInt,
  likelihoodLevels: PositiveInt,
  consequenceLevels: PositiveInt,
  bands: nonEmptyList(RiskBandLimit),
  consequenceDimensions: t.readonlyArray(Slug),
  validFrom: IsoDate,
};

export const RiskScale = struct('RiskScale', riskScaleFields);
export type RiskScale = t.TypeOf<typeof RiskScale>;

/** Every adopted scale version, by number: an assessment is checked against the version it names. */
export type RiskScaleRegister = ReadonlyMap<number, RiskScale>;

/** The band a score falls in: the first whose upper limit it does not exceed. */
export const bandFor = (scale: RiskScale, score: number): RiskBand | undefined =>
  scale.bands.find((limit) => score <= limit.maxScore)?.band;

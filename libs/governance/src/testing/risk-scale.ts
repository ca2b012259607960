import type { AdoptRiskScale, RiskScaleAdopted } from '../risk/messages';
import type { DecisionReference } from '../shared/decision-reference';

/**
 * The kommune's 5 × 5 risk scale with three bands (lav up to 4, middels up to 12, hoy up to 25), adopted by
 * `decision`; `overrides` vary one case. Shared by every package's tests through `@styring/governance/testing`.
 */
export const adoptRiskScale = (
  decision: DecisionReference,
  overrides: Partial<AdoptRiskScale> = {},
): AdoptRiskScale => ({
  type: 'AdoptRiskScale',
  scaleVersion: 1,
  likelihoodLevels: 5,
  consequenceLevels: 5,
  bands: [
    { band: 'lav', maxScore: 4 },
    { band: 'middels', maxScore: 12 },
    { band: 'hoy', maxScore: 25 },
  ],
  consequenceDimensions: ['liv-og-helse', 'miljo', 'okonomi', 'stabilitet', 'styringsevne'],
  validFrom: '2024-01-01',
  decision,
  ...overrides,
});

/** The same scale as the event its adoption records, for tests that record events directly. */
export const riskScaleAdopted = (
  decision: DecisionReference,
  overrides: Partial<Omit<RiskScaleAdopted, 'type'>> = {},
): RiskScaleAdopted => ({ ...adoptRiskScale(decision), ...overrides, type: 'RiskScaleAdopted' });

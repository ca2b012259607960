/**
 * Fixtures other packages' tests share (`@styring/governance/testing`), so that one piece of test data has
 * one home. The rest of `src/testing/` serves this package's own specifications.
 */
export { adoptRiskScale, riskScaleAdopted } from './risk-scale';

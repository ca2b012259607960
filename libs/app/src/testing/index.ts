export { adoptPlanWithoutAuthority, withoutAuthorityReason } from './without-authority';

export {
  adoptPlanWithoutAuthority,
  establishUnitWithoutAuthority,
  withoutAuthorityReason,
} from './without-authority';

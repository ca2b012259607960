export { registerCompany } from './command-roles';
export {
  adoptPlanWithoutAuthority,
  establishUnitWithoutAuthority,
  withoutAuthorityReason,
} from './without-authority';

import type { DecisionReference } from '../shared/decision-reference';
import type { Holder } from '../shared/holder';

/**
 * Whether the body that decided is the one the authority was given to. A holder without a unit is the role
 * anywhere. The ledergruppe decides as the kommunedirektør's group, so it acts on the kommunedirektør's authority.
 */
export const isHeldBy = (holder: Holder, decision: DecisionReference): boolean => {
  const sameBody =
    holder.body === decision.body ||
    (holder.body === 'kommunedirektoren' && decision.body === 'ledergruppen');
  return sameBody && (holder.unit === undefined || holder.unit === decision.unit);
};

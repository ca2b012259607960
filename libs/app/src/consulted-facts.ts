import type { AppendCondition, ConsultedContext } from '@styring/eventstore';
import {
  type GovernanceContext,
  governanceFactEventTypes,
  type GovernanceFactKind,
} from '@styring/governance';

const isFactKind = (property: string | symbol): property is GovernanceFactKind =>
  typeof property === 'string' && Object.hasOwn(governanceFactEventTypes, property);

/**
 * The context as the decider sees it, noting which kinds of fact it reads, and the condition to append
 * with: none of the event types that change those kinds after `position`, the point up to which the
 * context was read. A decision that read no fact (or only the configuration) appends without a condition;
 * one that read delegations fails with a conflict when a delegation was granted or revoked meanwhile.
 */
export const consultedFacts = (
  context: GovernanceContext,
  position: bigint | undefined,
): ConsultedContext<GovernanceContext> => {
  const read = new Set<GovernanceFactKind>();
  const tracked = new Proxy(context, {
    get: (target, property, receiver) => {
      if (isFactKind(property)) read.add(property);
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  const condition = (): AppendCondition | undefined =>
    read.size === 0
      ? undefined
      : {
          failIfEventsMatch: [{ eventTypes: [...read].flatMap((kind) => governanceFactEventTypes[kind]) }],
          ...(position === undefined ? {} : { after: position }),
        };
  return { context: tracked, condition };
};

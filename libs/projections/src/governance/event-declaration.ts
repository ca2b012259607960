import {
  type DeciderKind,
  type EventTypeDecidedBy,
  eventTypesDecidedBy,
  type GovernanceEventType,
} from '@styring/governance';

/**
 * What a read model does with each event type of the domain: projects its facts (`handled`) or leaves it
 * out (`ignored`). Every type must be declared, so a new event type of the domain does not compile until
 * each projection that reads its kind of stream has said what it does with it; `governance-projections
 * .unit.spec.ts` checks the same at run time, and that the handled set never changes without a version bump.
 */
export interface EventDeclaration {
  readonly handled: readonly GovernanceEventType[];
  readonly ignored: readonly GovernanceEventType[];
}

type Undeclared<H, I, K extends DeciderKind> = Exclude<GovernanceEventType, H | I | EventTypeDecidedBy<K>>;

/**
 * An event declaration whose lists together cover every event type; the compiler names any left out (as
 * `undeclared`). `ignoredKinds` ignores every event of a kind of stream (`deciders` in the domain) the
 * read model does not read at all, so new events there need no change here; in the kinds it reads, each
 * event type is named.
 */
export const declareEvents = <
  H extends GovernanceEventType,
  I extends GovernanceEventType = never,
  K extends DeciderKind = never,
>(
  declaration: {
    readonly handled: readonly H[];
    readonly ignored?: readonly I[];
    readonly ignoredKinds?: readonly K[];
  } & ([Undeclared<H, I, K>] extends [never] ? unknown : { readonly undeclared: Undeclared<H, I, K> }),
): EventDeclaration => ({
  handled: declaration.handled,
  ignored: [...(declaration.ignored ?? []), ...(declaration.ignoredKinds ?? []).flatMap(eventTypesDecidedBy)],
});

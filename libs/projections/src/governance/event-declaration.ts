import type { GovernanceEventType } from '@styring/governance';

/**
 * What a read model does with each event type of the domain: projects its facts (`handled`) or leaves it
 * out (`ignored`). Every type must be in one list, so a new event type of the domain does not compile
 * until each projection has said what it does with it; `governance-projections.spec.ts` checks the same at
 * run time, and that the handled set never changes without a version bump.
 */
export interface EventDeclaration {
  readonly handled: readonly GovernanceEventType[];
  readonly ignored: readonly GovernanceEventType[];
}

type Undeclared<H, I> = Exclude<GovernanceEventType, H | I>;

/** An event declaration whose lists together name every event type; the compiler names any left out. */
export const declareEvents = <H extends GovernanceEventType, I extends GovernanceEventType>(
  declaration: { readonly handled: readonly H[]; readonly ignored: readonly I[] } & ([
    Undeclared<H, I>,
  ] extends [never]
    ? unknown
    : { readonly undeclared: Undeclared<H, I> }),
): EventDeclaration => declaration;

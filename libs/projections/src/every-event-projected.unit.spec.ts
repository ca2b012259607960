import { governanceEventTypes } from '@styring/governance';
import { governanceProjectionSpecs } from './governance-projections';

/**
 * Event types whose registers are built on the parallel branch `registers-org` (owned companies). Once
 * that branch is merged they are handled, and the second test asks to empty this list.
 */
const awaitingRegisters: readonly string[] = ['CompanyRegistered'];

const handled = new Set<string>(governanceProjectionSpecs.flatMap((spec) => spec.events.handled));

/**
 * Issue 14's acceptance: every event type of the domain shows in at least one read model, so a new event
 * type that no projection handles fails the build instead of vanishing from every register.
 */
describe('the read models together', () => {
  it('handle every event type of the domain', () => {
    const unhandled = governanceEventTypes.filter(
      (type) => !handled.has(type) && !awaitingRegisters.includes(type),
    );
    expect(unhandled).toEqual([]);
  });

  it('leave no event type awaiting a register once one handles it', () => {
    expect(awaitingRegisters.filter((type) => handled.has(type))).toEqual([]);
  });
});

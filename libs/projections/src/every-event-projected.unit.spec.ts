import { governanceEventTypes } from '@styring/governance';
import { governanceProjectionSpecs } from './governance-projections';

const handled = new Set<string>(governanceProjectionSpecs.flatMap((spec) => spec.events.handled));

/**
 * Issue 14's acceptance: every event type of the domain shows in at least one read model, so a new event
 * type that no projection handles fails the build instead of vanishing from every register.
 */
describe('the read models together', () => {
  it('handle every event type of the domain', () => {
    expect(governanceEventTypes.filter((type) => !handled.has(type))).toEqual([]);
  });
});

import * as E from 'fp-ts/Either';
import type { Decider } from '@styring/eventstore';

/**
 * Given/when/then for deciders, in the style of Emmett's `DeciderSpecification`:
 *
 *   const spec = deciderSpecification(planDecider);
 *   spec.given([planAdopted]).when(revisePlan, context).then([planRevised]);
 *   spec.given([]).when(revisePlan, context).thenRejectedWith('plan.not_adopted');
 */
export const deciderSpecification = <Command, Event, State, Context>(
  decider: Decider<Command, Event, State, Context>,
) => ({
  given: (events: readonly Event[]) => ({
    when: (command: Command, ...context: Context extends void ? [] : [Context]) => {
      const state = events.reduce(decider.evolve, decider.initialState);
      const result = decider.decide(command, state, context[0] as Context);
      return {
        then: (expected: readonly Event[]): void => {
          if (E.isLeft(result)) {
            throw new Error(`expected events, but the command was rejected: ${JSON.stringify(result.left)}`);
          }
          expect(result.right).toEqual(expected);
        },
        thenRejectedWith: (code: string): void => {
          if (E.isRight(result)) {
            throw new Error(`expected rejection '${code}', but got events: ${JSON.stringify(result.right)}`);
          }
          expect(result.left.code).toBe(code);
          expect(result.left.message.length).toBeGreaterThan(0);
          expect(result.left.messageEn.length).toBeGreaterThan(0);
        },
      };
    },
  }),
});

import type * as t from 'io-ts';
import { DecidingBody } from './bodies';
import type { DecisionReference } from './decision-reference';
import { Slug } from './slug';
import { struct } from './struct';

/** Who holds, gives or reports: a body or role, and the unit when the role is tied to one. */
export const Holder = struct('Holder', { body: DecidingBody }, { unit: Slug });
export type Holder = t.TypeOf<typeof Holder>;

/** The deciding body of a decision, as a holder. */
export const holderOf = (decision: DecisionReference): Holder =>
  decision.unit === undefined ? { body: decision.body } : { body: decision.body, unit: decision.unit };

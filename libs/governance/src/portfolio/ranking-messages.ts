import type * as t from 'io-ts';
import { DecisionReference } from '../shared/decision-reference';
import { commandNames } from '../shared/command-names';
import { message } from '../shared/message';
import { PositiveInt } from '../shared/numbers';
import { Slug } from '../shared/slug';
import { Portfolio } from './portfolios';

/** `round`: the prioritization round, e.g. `2025` or `2025-h1`; ranks are unique within one round. */
const prioritization = {
  portfolio: Portfolio,
  round: Slug,
  projectId: Slug,
  rank: PositiveInt,
  decision: DecisionReference,
};

export const PrioritizeProject = message('PrioritizeProject', prioritization);
export type PrioritizeProject = t.TypeOf<typeof PrioritizeProject>;
export const ProjectPrioritized = message('ProjectPrioritized', prioritization);
export type ProjectPrioritized = t.TypeOf<typeof ProjectPrioritized>;

/** This area's commands, by name: their part of the recorded vocabulary (`command-types.ts`). */
export const rankingCommandNames = commandNames(PrioritizeProject);

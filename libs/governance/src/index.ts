export * from './decision-log-entry';

// Shared vocabulary
export * from './shared/bodies';
export * from './shared/dates';
export * from './shared/decision-reference';
export * from './shared/decode-failure';
export * from './shared/holder';
export * from './shared/numbers';
export * from './shared/slug';
export * from './shared/text';
export * from './shared/units';
export * from './shared/roles';
export * from './shared/nok';
// The types of the exported codecs: with an `exports` map, other packages can name them only from here.
export type { ExpectingType, RefinedType } from './shared/expectation';
export type { StructOf, StructType } from './shared/struct';
export * from './command-labels';
export * from './command-types';

// Commands and events, by area
export * from './organisation/messages';
export * from './authority/messages';
export * from './authority/scope';
export * from './authority/delegation-register';
export * from './plans/plan-kinds';
export * from './plans/goals';
export * from './plans/messages';
export { isBudgetAdoptedLate } from './plans/plan-rules';
export * from './portfolio/portfolios';
export * from './portfolio/project-messages';
export * from './portfolio/ranking-messages';
export * from './procurement/thresholds';
export * from './procurement/messages';
export * from './ownership/messages';
export * from './risk/risk-scale';
export * from './risk/messages';
export * from './reporting/report-kinds';
export * from './reporting/deadlines';
export * from './reporting/obligations';
export * from './reporting/messages';
export * from './corrections/messages';

// One spec per command, and the unions, decoding and the store's type map derived from them
export * from './command-spec';
export * from './command-specs';
export * from './governance-command';
export * from './governance-event';
export * from './event-serde';

// Deciding: the context of cross-stream facts, the deciders, and the stream of each command
export * from './authority/authorize';
export * from './authority/competence';
export * from './authority/record-without-authority';
export * from './context/registers';
export * from './context/governance-context';
export * from './deciders';
export * from './governance-decider';
export * from './stream-categories';
export * from './stream-for';

// Reading: the rows auditors read
export * from './decisions';
export * from './recorded-decision-types';
export * from './decision-log';
export * from './corrections/field-paths';
export { supervisoryAuthorityLabels } from './supervision/messages';

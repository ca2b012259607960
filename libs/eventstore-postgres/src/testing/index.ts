// The entry point for other packages' tests (`@styring/eventstore-postgres/testing`): kept out of the main
// index, so that a program opening a store never loads the testkit these helpers are built on.
export { describeWithPostgres } from './describe-with-postgres';
export { type HeldAppends, holdAppends } from './hold-appends';

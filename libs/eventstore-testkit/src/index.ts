export * from './decider-specification';
export * from './describe-with-tool';
export * from './event-store-contract';
export * from './new-event';
export * from './store-failures';
export * from './race/describe-consistency-race';
export * from './store-with';

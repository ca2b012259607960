export * from './execution-result';
export * from './open-store';
export * from './runtime';
export * from './store-url';

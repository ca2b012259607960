export * from './execution-result';
export * from './open-store';
export * from './runtime';
export * from './signing-keys';
export * from './store-url';

export * from './execution-result';
export * from './open-store';
export * from './store-url';

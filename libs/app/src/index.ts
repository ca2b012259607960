export * from './execution-result';
export * from './store-url';

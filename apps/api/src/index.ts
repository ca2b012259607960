// What other packages use of the service without starting it: tokens for `styring tokens issue`, roles.
export * from './auth/roles';
export * from './auth/local-keys';
export * from './auth/tokens';
export * from './auth/token-verifier';
export type { Identity } from './auth/identity';

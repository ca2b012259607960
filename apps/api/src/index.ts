// What other packages may reuse without starting the service: verifying bearer tokens the way it does.
export * from './auth/token-verifier';
export type { Identity } from './auth/identity';

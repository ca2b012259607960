// What other packages may reuse without starting the service: verifying bearer tokens the way it does.
export { createTokenVerifier, type Identity, type TokenVerification } from '@styring/app';

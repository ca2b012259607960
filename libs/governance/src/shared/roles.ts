/**
 * The roles a caller can hold when sending commands (a token's `role` claim names one of them). A role is
 * who acts; a body (`DecidingBody`, `bodies.ts`) is who decides. They are different vocabularies even
 * where the words look alike: the role `kommunedirektor` acts for the body `kommunedirektoren`.
 */
export const roles = [
  'kommunestyre-sekretariat',
  'kommunedirektor',
  'direktor',
  'virksomhetsleder',
  'styv',
  'revisor',
] as const;

export type Role = (typeof roles)[number];

export const isRole = (value: unknown): value is Role => roles.some((role) => role === value);

/** The political secretariat: enters the decisions of the elected bodies. */
export const secretariatRole: Role = 'kommunestyre-sekretariat';

/** The administrative line and STYV: everyone who runs the municipality day to day. */
export const lineRoles: readonly Role[] = ['kommunedirektor', 'direktor', 'virksomhetsleder', 'styv'];

/** Who records the council's and the kommunedirektør's own decisions. */
export const councilAndExecutiveRoles: readonly Role[] = [secretariatRole, 'kommunedirektor'];

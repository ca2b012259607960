/**
 * The roles a caller can hold in the service; a token's `role` claim must name one of them.
 * Which role may do what is decided by the service (apps/api/src/auth/permissions.ts).
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

/** Norwegian names, for the docs page and error messages. */
export const roleNames: Readonly<Record<Role, string>> = {
  'kommunestyre-sekretariat': 'Kommunestyrets sekretariat',
  kommunedirektor: 'Kommunedirektør',
  direktor: 'Direktør',
  virksomhetsleder: 'Virksomhetsleder',
  styv: 'Styring og virksomhetsutvikling (STYV)',
  revisor: 'Revisor (Romerike Revisjon IKS)',
};

import type { Role } from '@styring/governance';

/**
 * The roles a caller can hold in the service are domain vocabulary (`@styring/governance`'s `roles`);
 * which role may send which command is in each command's spec there.
 */
export { isRole, type Role, roles } from '@styring/governance';

/** Norwegian names, for the docs page and error messages. */
export const roleNames: Readonly<Record<Role, string>> = {
  'kommunestyre-sekretariat': 'Kommunestyrets sekretariat',
  kommunedirektor: 'Kommunedirektør',
  direktor: 'Direktør',
  virksomhetsleder: 'Virksomhetsleder',
  styv: 'Styring og virksomhetsutvikling (STYV)',
  revisor: 'Revisor (Romerike Revisjon IKS)',
};

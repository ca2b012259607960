import { refinedString } from './expectation';

/**
 * The id of anything in the domain (units, plans, projects, delegations …): lowercase letters, digits and
 * single hyphens, e.g. `utvikling-og-digitalisering` or a UUID. Ids appear in stream names, so they are plain.
 */
export const Slug = refinedString('Slug', (s) => s.length <= 100 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s), {
  nb: 'må være en id med små bokstaver a–z, sifre og bindestrek (f.eks. teknisk-sektor)',
  en: 'must be an id of lowercase letters a–z, digits and hyphens (e.g. teknisk-sektor)',
});

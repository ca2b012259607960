import * as t from 'io-ts';

/**
 * Who can decide: the elected bodies and the administrative roles (DOMAIN.md, «Who decides»). The slugs are
 * what the data carries; the labels are what people read.
 */
export const DecidingBody = t.keyof(
  {
    kommunestyret: null,
    formannskapet: null,
    kontrollutvalget: null,
    kommunedirektoren: null,
    ledergruppen: null,
    direktor: null,
    virksomhetsleder: null,
    seksjonsleder: null,
    avdelingsleder: null,
  },
  'DecidingBody',
);
export type DecidingBody = t.TypeOf<typeof DecidingBody>;

export const bodyLabels: Readonly<Record<DecidingBody, string>> = {
  kommunestyret: 'Kommunestyret',
  formannskapet: 'Formannskapet',
  kontrollutvalget: 'Kontrollutvalget',
  kommunedirektoren: 'Kommunedirektøren',
  ledergruppen: 'Kommunedirektørens ledergruppe',
  direktor: 'Direktør',
  virksomhetsleder: 'Virksomhetsleder',
  seksjonsleder: 'Seksjonsleder',
  avdelingsleder: 'Avdelingsleder',
};

/** Elected bodies decide in meetings (kommuneloven kap. 11). */
export const electedBodies: readonly DecidingBody[] = ['kommunestyret', 'formannskapet', 'kontrollutvalget'];

/**
 * The administrative roles with their fullmaktsnivå (authority level) and ledernivå (management level),
 * from «Lederansvaret i Lørenskog»: two authority levels and four management levels.
 */
export const administrativeRoles = {
  kommunedirektoren: { label: 'Kommunedirektøren', authorityLevel: 1, managementLevel: 1 },
  direktor: { label: 'Direktør', authorityLevel: 1, managementLevel: 2 },
  virksomhetsleder: { label: 'Virksomhetsleder', authorityLevel: 2, managementLevel: 3 },
  seksjonsleder: { label: 'Seksjonsleder', authorityLevel: 2, managementLevel: 3 },
  avdelingsleder: { label: 'Avdelingsleder', authorityLevel: 2, managementLevel: 4 },
} as const satisfies Partial<
  Record<DecidingBody, { label: string; authorityLevel: 1 | 2; managementLevel: 1 | 2 | 3 | 4 }>
>;

/**
 * How far down the line of delegation a body sits: authority may only be delegated to a body further down
 * (kommunestyret → kommunedirektøren → direktører → virksomhetsledere → avdelingsledere). The ledergruppe sits
 * with the directors: it decides as the kommunedirektør's group.
 */
export const delegationTier: Readonly<Record<DecidingBody, number>> = {
  kommunestyret: 0,
  formannskapet: 1,
  kontrollutvalget: 1,
  kommunedirektoren: administrativeRoles.kommunedirektoren.managementLevel,
  ledergruppen: 2,
  direktor: administrativeRoles.direktor.managementLevel,
  virksomhetsleder: administrativeRoles.virksomhetsleder.managementLevel,
  seksjonsleder: administrativeRoles.seksjonsleder.managementLevel,
  avdelingsleder: administrativeRoles.avdelingsleder.managementLevel,
};

import { bodyLabels, type DecidingBody, type GovernanceCommand } from '@styring/governance';
import type { Caller } from '../execution-result';
import { isRole, type Role, roleNames } from '../identity/roles';
import { commandRoles, maySend } from './command-roles';

/**
 * What a caller's verified role lets it record: the bodies whose decisions it enters, and which unit those
 * decisions may name. This is the axis "for whom" – which command a role may send at all is each command's
 * spec (`command-roles.ts`), checked beside it; whether the body had the authority is the domain's rule.
 */
export interface CallerAuthority {
  /** Whether the role writes at all; the revisor only reads. */
  readonly writes: boolean;
  /** The bodies whose decisions the role may enter. */
  readonly bodies: readonly DecidingBody[];
  /** The body the role itself is; decisions of its other bodies are recorded `onBehalfOf` that body. */
  readonly ownBody?: DecidingBody;
  /**
   * Which unit a decision may name: `none` – the body is not tied to a unit, so the decision names none;
   * `own` – exactly the caller's own unit (a direktør's sector, a virksomhetsleder's virksomhet).
   */
  readonly unitScope: 'none' | 'own';
  /**
   * Whether the role may record a decision the body had no authority for (`recordedWithoutAuthority` with
   * a reason): `none` – never; `entered` – of the bodies and units it enters anyway; `any` – of any body
   * and unit, recorded on behalf of that body (internkontroll records what it finds).
   */
  readonly withoutAuthority: 'none' | 'entered' | 'any';
}

/** The one table, by role; rendered in libs/app/README.md (a test keeps the two the same). */
export const callerAuthorities: Readonly<Record<Role, CallerAuthority>> = {
  'kommunestyre-sekretariat': {
    writes: true,
    bodies: ['kommunestyret', 'formannskapet', 'kontrollutvalget'],
    unitScope: 'none',
    withoutAuthority: 'entered',
  },
  kommunedirektor: {
    writes: true,
    bodies: ['kommunedirektoren', 'ledergruppen'],
    ownBody: 'kommunedirektoren',
    unitScope: 'none',
    withoutAuthority: 'none',
  },
  direktor: {
    writes: true,
    bodies: ['direktor'],
    ownBody: 'direktor',
    unitScope: 'own',
    withoutAuthority: 'none',
  },
  virksomhetsleder: {
    writes: true,
    bodies: ['virksomhetsleder'],
    ownBody: 'virksomhetsleder',
    unitScope: 'own',
    withoutAuthority: 'none',
  },
  styv: { writes: true, bodies: [], unitScope: 'none', withoutAuthority: 'any' },
  revisor: { writes: false, bodies: [], unitScope: 'none', withoutAuthority: 'none' },
};

/** A caller refused before any decider runs; nothing is written. The code is stable, the messages name why. */
export interface CallerRefusal {
  readonly code:
    | 'caller.unknown_role'
    | 'caller.read_only'
    | 'caller.command_not_allowed'
    | 'caller.body_not_allowed'
    | 'caller.unit_not_allowed'
    | 'caller.without_authority_not_allowed';
  readonly message: string;
  readonly messageEn: string;
}

export type CallerCheck =
  | { readonly ok: true; readonly onBehalfOf?: string }
  | { readonly ok: false; readonly refusal: CallerRefusal };

const refuse = (code: CallerRefusal['code'], message: string, messageEn: string): CallerCheck => ({
  ok: false,
  refusal: { code, message, messageEn },
});

/**
 * Whether this caller may send this command: its role writes, the command's spec lets the role send it,
 * the decision's body is one it enters, and the decision's unit is in its scope. When it enters a body
 * other than its own, that body is whom the event records it acting for. A decision recorded without
 * authority needs a role privileged to record one (`withoutAuthority`), and is that privilege's matter: it
 * may be of a command the role does not otherwise send (the body decided it; the role records it).
 */
export const checkCaller = (caller: Caller, command: GovernanceCommand): CallerCheck => {
  const role = caller.role;
  if (!isRole(role)) {
    return refuse('caller.unknown_role', `Rollen '${role}' er ukjent.`, `unknown role '${role}'`);
  }
  const authority = callerAuthorities[role];
  if (!authority.writes) {
    return refuse(
      'caller.read_only',
      `${roleNames[role]} kan bare lese; ingenting ble lagret.`,
      `the role '${role}' only reads; nothing was written`,
    );
  }
  const decision = 'decision' in command ? command.decision : undefined;
  const withoutAuthority = decision?.recordedWithoutAuthority !== undefined;
  if (withoutAuthority && authority.withoutAuthority === 'none') {
    return refuse(
      'caller.without_authority_not_allowed',
      `${roleNames[role]} kan ikke føre et vedtak truffet uten myndighet; det kan bare sekretariatet og internkontrollen (STYV).`,
      `the role '${role}' may not record a decision without authority; only the secretariat and internal control (styv) may`,
    );
  }
  if (withoutAuthority && authority.withoutAuthority === 'any') {
    return { ok: true, onBehalfOf: decision.body };
  }
  if (!withoutAuthority && !maySend(role, command.type)) {
    const allowed = commandRoles[command.type];
    return refuse(
      'caller.command_not_allowed',
      `${roleNames[role]} kan ikke sende ${command.type}; det kan bare ${allowed.join(', ')}. Ingenting ble lagret.`,
      `the role '${role}' may not send '${command.type}' (allowed: ${allowed.join(', ')}); nothing was written`,
    );
  }
  if (decision === undefined) {
    return caller.onBehalfOf === undefined ? { ok: true } : { ok: true, onBehalfOf: caller.onBehalfOf };
  }
  const { body, unit } = decision;
  if (!authority.bodies.includes(body)) {
    return refuse(
      'caller.body_not_allowed',
      `${roleNames[role]} kan ikke føre vedtak for ${bodyLabels[body]} (${body}).`,
      `the role '${role}' may not enter decisions of '${body}'`,
    );
  }
  const inScope =
    authority.unitScope === 'own' ? caller.unit !== undefined && unit === caller.unit : unit === undefined;
  if (!inScope) {
    return refuse(
      'caller.unit_not_allowed',
      `${roleNames[role]} for ${caller.unit ?? '(ingen enhet)'} kan ikke føre vedtak for enheten ${unit ?? '(ingen)'}.`,
      `the role '${role}' of unit '${caller.unit ?? '(none)'}' may not enter decisions for unit '${unit ?? '(none)'}'`,
    );
  }
  return body === authority.ownBody ? { ok: true } : { ok: true, onBehalfOf: body };
};

import { DecidingBody, type GovernanceCommand } from '@styring/governance';
import type { Caller } from '../execution-result';
import { roles } from '../identity/roles';
import { checkCaller } from './caller-authority';

const bodies = Object.keys(DecidingBody.keys) as DecidingBody[];
const callerUnit = 'helse-og-velferd';
/** Which unit the decision names, relative to the caller's own. */
const unitScopes = { none: undefined, own: callerUnit, other: 'teknisk-sektor' } as const;
type UnitScope = keyof typeof unitScopes;

/**
 * Written out by hand, independently of the table: every (role, body, unit in the decision) a caller may
 * enter, with whom it is then recorded acting for. Everything not listed is refused.
 */
const allowed: Readonly<Record<string, string | null>> = {
  'kommunestyre-sekretariat kommunestyret none': 'kommunestyret',
  'kommunestyre-sekretariat formannskapet none': 'formannskapet',
  'kommunestyre-sekretariat kontrollutvalget none': 'kontrollutvalget',
  'kommunedirektor kommunedirektoren none': null,
  'kommunedirektor ledergruppen none': 'ledergruppen',
  'direktor direktor own': null,
  'virksomhetsleder virksomhetsleder own': null,
};

const adoptPlan = (body: DecidingBody, unit: string | undefined): GovernanceCommand => ({
  type: 'AdoptPlan',
  planId: 'plan',
  kind: 'virksomhetsplan',
  title: 'Plan',
  period: { from: '2025-01-01', to: '2025-12-31' },
  decision: {
    body,
    decidedOn: '2024-12-01',
    caseNumber: '2024/1',
    meeting: 'Møte',
    authority: { kind: 'law', reference: 'Kommuneloven § 5-3' },
    ...(unit === undefined ? {} : { unit }),
  },
});

const cases = roles.flatMap((role) =>
  bodies.flatMap((body) =>
    (Object.keys(unitScopes) as UnitScope[]).map((scope) => [role, body, scope] as const),
  ),
);

describe('checkCaller: every role × body × unit in the decision', () => {
  it.each(cases)('%s entering a decision of %s naming %s unit', (role, body, scope) => {
    const caller: Caller = { actor: 'a', role, unit: callerUnit, onBehalfOf: 'somebody-else' };
    const expected = allowed[`${role} ${body} ${scope}`];
    const checked = checkCaller(caller, adoptPlan(body, unitScopes[scope]));
    if (expected === undefined) {
      expect(checked.ok).toBe(false);
      if (checked.ok) return;
      const code = checked.refusal.code;
      expect(['caller.read_only', 'caller.body_not_allowed', 'caller.unit_not_allowed']).toContain(code);
      // The refusal names what was refused: the body, or the unit.
      if (code === 'caller.body_not_allowed') expect(checked.refusal.messageEn).toContain(`'${body}'`);
      if (code === 'caller.unit_not_allowed')
        expect(checked.refusal.messageEn).toContain(scope === 'none' ? '(none)' : `'${unitScopes[scope]}'`);
    } else {
      expect(checked).toEqual(expected === null ? { ok: true } : { ok: true, onBehalfOf: expected });
    }
  });
});

describe('checkCaller: every role × body × unit, recording a decision without authority', () => {
  const withoutAuthority = (body: DecidingBody, unit: string | undefined): GovernanceCommand => {
    const command = adoptPlan(body, unit) as Extract<GovernanceCommand, { type: 'AdoptPlan' }>;
    return { ...command, decision: { ...command.decision, recordedWithoutAuthority: { reason: 'Funnet' } } };
  };

  it.each(cases)('%s recording a decision of %s naming %s unit', (role, body, scope) => {
    const caller: Caller = { actor: 'a', role, unit: callerUnit };
    const checked = checkCaller(caller, withoutAuthority(body, unitScopes[scope]));
    // STYV (internkontroll) records what it finds of any body; the secretariat only what it enters anyway.
    if (role === 'styv') return expect(checked).toEqual({ ok: true, onBehalfOf: body });
    if (role === 'kommunestyre-sekretariat') {
      const expected = allowed[`${role} ${body} ${scope}`];
      return expect(checked.ok ? checked.onBehalfOf : undefined).toBe(expected);
    }
    expect(checked.ok ? 'ok' : checked.refusal.code).toBe(
      role === 'revisor' ? 'caller.read_only' : 'caller.without_authority_not_allowed',
    );
  });
});

describe('checkCaller: commands without a decision', () => {
  const deviation: GovernanceCommand = {
    type: 'RecordDeviation',
    deviationId: 'avvik-1',
    unit: 'hjemmetjenesten',
    observedOn: '2025-05-06',
    category: 'personvern',
    description: 'Avvik',
  };

  it.each(roles.filter((role) => role !== 'revisor'))('%s may send them', (role) => {
    expect(checkCaller({ actor: 'a', role }, deviation)).toEqual({ ok: true });
  });

  it('the revisor only reads', () => {
    const checked = checkCaller({ actor: 'r', role: 'revisor' }, deviation);
    expect(checked.ok ? undefined : checked.refusal.code).toBe('caller.read_only');
  });

  it('a role the service does not know sends nothing', () => {
    const checked = checkCaller({ actor: 'x', role: 'admin' }, deviation);
    expect(checked.ok ? undefined : checked.refusal.code).toBe('caller.unknown_role');
  });

  it('a direktør without a unit enters no decision of a direktør', () => {
    const checked = checkCaller({ actor: 'd', role: 'direktor' }, adoptPlan('direktor', undefined));
    expect(checked.ok ? undefined : checked.refusal.code).toBe('caller.unit_not_allowed');
  });
});

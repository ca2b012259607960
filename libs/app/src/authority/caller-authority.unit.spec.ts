import {
  type CommandType,
  commandSpecs,
  commandTypes,
  DecidingBody,
  type GovernanceCommand,
} from '@styring/governance';
import { demoHistory } from '../demo/demo-history';
import type { Caller } from '../execution-result';
import { type Role, roles } from '../identity/roles';
import { callerAuthorities, checkCaller } from './caller-authority';
import { commandRoles } from './command-roles';

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

  it.each(commandRoles.RecordDeviation)('%s, a role its spec names, may send them', (role) => {
    expect(checkCaller({ actor: 'a', role }, deviation)).toEqual({ ok: true });
  });

  it('a role its spec does not name may not, by a code naming the role and the command', () => {
    const checked = checkCaller({ actor: 's', role: 'kommunestyre-sekretariat' }, deviation);
    expect(checked).toMatchObject({ ok: false, refusal: { code: 'caller.command_not_allowed' } });
    expect(checked.ok ? '' : checked.refusal.messageEn).toContain(
      "the role 'kommunestyre-sekretariat' may not send 'RecordDeviation'",
    );
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

/** One real command of each type: the demo's first, and the two types the demo never sends. */
const sampleCommands = (): ReadonlyMap<CommandType, GovernanceCommand> => {
  const samples = new Map<CommandType, GovernanceCommand>();
  const { decision } = adoptPlan('kommunestyret', undefined) as Extract<
    GovernanceCommand,
    { type: 'AdoptPlan' }
  >;
  const notInDemo: GovernanceCommand[] = [
    {
      type: 'DissolveUnit',
      unit: 'prosjektkontoret',
      reason: 'Flyttet',
      decision,
    },
    {
      type: 'EndCompanyOwnership',
      companyId: 'selskap',
      endedOn: '2024-06-30',
      reason: 'Solgt',
      decision,
    },
  ];
  const demo = demoHistory.map((step) =>
    typeof step.command === 'function' ? step.command(new Map()) : step.command,
  );
  for (const command of [...demo, ...notInDemo]) {
    if (!samples.has(command.type)) samples.set(command.type, command);
  }
  return samples;
};

/** The command, its decision (if any) moved to a body and unit the caller's table lets it enter. */
const enteredBy = (command: GovernanceCommand, role: Role, unit: string): GovernanceCommand => {
  if (!('decision' in command)) return command;
  const { bodies, ownBody, unitScope } = callerAuthorities[role];
  const { unit: _unit, ...decision } = command.decision;
  const body = ownBody ?? bodies[0] ?? decision.body;
  return {
    ...command,
    decision: { ...decision, body, ...(unitScope === 'own' ? { unit } : {}) },
  } as GovernanceCommand;
};

describe('checkCaller: every role × every command type, as its spec says', () => {
  const samples = sampleCommands();

  it('has a command of every type', () => {
    expect([...samples.keys()].sort()).toEqual([...commandTypes].sort());
  });

  const pairs = roles.flatMap((role) => commandTypes.map((type) => [role, type] as const));
  it.each(pairs)('%s sending %s', (role, type) => {
    const command = enteredBy(samples.get(type) as GovernanceCommand, role, callerUnit);
    const checked = checkCaller({ actor: 'a', role, unit: callerUnit }, command);
    const code = checked.ok ? 'ok' : checked.refusal.code;
    if (role === 'revisor') return expect(code).toBe('caller.read_only');
    if (!commandSpecs[type].roles.includes(role)) {
      expect(code).toBe('caller.command_not_allowed');
      expect(checked.ok ? '' : checked.refusal.messageEn).toContain(`'${role}' may not send '${type}'`);
      return;
    }
    // A role its spec names is refused only by the caller table: STYV enters no body's decisions.
    expect(code).toBe(
      'decision' in command && callerAuthorities[role].bodies.length === 0 ? 'caller.body_not_allowed' : 'ok',
    );
  });

  it.each(pairs)('%s recording %s without authority', (role, type) => {
    const sample = samples.get(type) as GovernanceCommand;
    if (!('decision' in sample)) return;
    const command = enteredBy(sample, role, callerUnit) as Extract<GovernanceCommand, { decision: unknown }>;
    const flagged = {
      ...command,
      decision: { ...command.decision, recordedWithoutAuthority: { reason: 'Funnet' } },
    };
    const checked = checkCaller({ actor: 'a', role, unit: callerUnit }, flagged as GovernanceCommand);
    // The privilege to record without authority is its own matter, whatever the command's roles.
    const expected = { 'kommunestyre-sekretariat': 'ok', styv: 'ok', revisor: 'caller.read_only' }[
      role as string
    ];
    expect(checked.ok ? 'ok' : checked.refusal.code).toBe(expected ?? 'caller.without_authority_not_allowed');
  });
});

describe('the demo history', () => {
  it('sends each command by a caller whose role may send it', () => {
    const refused = demoHistory.flatMap((step) => {
      const command = typeof step.command === 'function' ? step.command(new Map()) : step.command;
      const checked = checkCaller(step.caller, command);
      return checked.ok ? [] : [`${step.on} ${command.type}: ${checked.refusal.code}`];
    });
    expect(refused).toEqual([]);
  });
});

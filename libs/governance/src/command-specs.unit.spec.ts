import fc from 'fast-check';
import type { CommandSpec } from './command-spec';
import { commandOfEvent, commandSpecs, eventSpecs } from './command-specs';
import { commandTypes } from './command-types';
import { deciders } from './deciders';
import { decisionTypes } from './decisions';
import type { PrioritizeProject, ProjectPrioritized } from './portfolio/ranking-messages';
import { isRole } from './shared/roles';
import { arbitraryOf } from './testing/arbitrary-of';
import { councilDecision, councilToChiefExecutive } from './testing/fixtures';
import { sampleHistory, sampleStreamIds } from './testing/sample-history';
import { streamCategories } from './stream-categories';
import { streamFor } from './stream-for';

const specs = Object.entries(commandSpecs);
const events = specs.flatMap(([command, spec]) =>
  Object.entries(spec.events).map(([type, event]) => ({ command, type, event })),
);

describe('the command specs, from which every registry is derived', () => {
  it('has one spec for each command type, and none besides', () => {
    expect(Object.keys(commandSpecs).sort()).toEqual([...commandTypes].sort());
  });

  it.each(specs)(
    '%s: decodes its own type, names a decider, a route and the roles that may send it',
    (type, spec) => {
      expect(spec.codec.name).toBe(type);
      expect(Object.keys(deciders)).toContain(spec.decider);
      expect(spec.route.path).toMatch(/^[a-z-]+(\/(:[A-Za-z]+|[a-z-]+))*$/);
      expect(spec.route.summary.trim()).not.toBe('');
      expect(spec.route.tag.trim()).not.toBe('');
      expect(spec.roles.length).toBeGreaterThan(0);
      expect(spec.roles.every(isRole)).toBe(true);
      expect(spec.roles).not.toContain('revisor');
      expect(Object.keys(spec.events).length).toBeGreaterThan(0);
    },
  );

  it.each(specs)('%s: every path parameter of its route is a field of the command', (_type, spec) => {
    const fields = Object.keys((spec.codec as unknown as { required: object }).required);
    const parameters = [...spec.route.path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]);
    expect(fields).toEqual(expect.arrayContaining(parameters));
  });

  it('gives every command its own route', () => {
    const paths = specs.map(([, spec]) => spec.route.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('lets no two commands produce the same event type', () => {
    expect(new Set(events.map((e) => e.type)).size).toBe(events.length);
    expect(Object.keys(eventSpecs)).toHaveLength(events.length);
    for (const { command, type } of events)
      expect(commandOfEvent[type as keyof typeof eventSpecs]).toBe(command);
  });

  it.each(events)('$type: is decoded by its own codec and labelled in Norwegian', ({ type, event }) => {
    expect(event.codec.name).toBe(type);
    expect(event.label.trim()).not.toBe('');
  });

  it('reads exactly the events that carry a decision (required, or optional for older records) as decisions', () => {
    const carryDecision = events
      .filter(
        ({ event }) =>
          'decision' in event.codec.required ||
          'decision' in ((event.codec as { optional?: object }).optional ?? {}),
      )
      .map(({ type }) => type);
    const readAsDecisions = events
      .filter(({ event }) => event.decision !== undefined)
      .map(({ type }) => type);
    expect(readAsDecisions.sort()).toEqual(carryDecision.sort());
    expect([...decisionTypes].sort()).toEqual(carryDecision.sort());
  });

  it.each(events.filter(({ event }) => event.decision !== undefined))(
    '$type: its decision summary names commands in Norwegian, never by their identifiers',
    ({ event }) => {
      const summary = event.decision!.summary as (event: unknown) => string;
      fc.assert(
        fc.property(arbitraryOf(event.codec), (recorded) => {
          const text = summary(recorded);
          for (const type of commandTypes) expect(text).not.toContain(type);
        }),
        { numRuns: 50 },
      );
    },
  );

  it('names a delegation’s commands and a plan revision’s changed fields in Norwegian', () => {
    const delegated = commandSpecs.DelegateAuthority.events.AuthorityDelegated.decision.summary;
    expect(delegated(councilToChiefExecutive)).toContain(
      '(opprette enhet, legge ned enhet, delegere myndighet, vedta plan',
    );
    const revised = commandSpecs.RevisePlan.events.PlanRevised.decision.summary;
    expect(
      revised({
        type: 'PlanRevised',
        planId: 'kommuneplan',
        decision: councilDecision(),
        title: 'Kommuneplanens samfunnsdel 2024–2036',
        goals: [],
      }),
    ).toBe('Plan kommuneplan revidert (endret: tittel, mål)');
  });

  it("puts each command of the sample history on a stream of its decider's category", () => {
    for (const command of sampleHistory) {
      const category: string = streamCategories[commandSpecs[command.type].decider];
      const stream = streamFor(command);
      expect(stream === category || stream.startsWith(`${category}-`)).toBe(true);
    }
  });

  it('keeps the stream ids the history was written with (fixed vectors: the first of each type in the sample history)', () => {
    const first = new Map(sampleHistory.map((command) => [command.type, command] as const).reverse());
    expect(Object.fromEntries([...first].map(([type, command]) => [type, streamFor(command)]))).toEqual(
      sampleStreamIds,
    );
  });

  it('refuses, at compile time, a spec that misses a part or names the wrong decider', () => {
    type Spec = CommandSpec<PrioritizeProject, ProjectPrioritized>;
    const { roles: _roles, ...withoutRoles } = commandSpecs.PrioritizeProject;
    const prioritized = commandSpecs.PrioritizeProject.events.ProjectPrioritized;
    // @ts-expect-error -- no roles
    const noRoles: Spec = withoutRoles;
    const wrongDecider: Spec = {
      ...commandSpecs.PrioritizeProject,
      // @ts-expect-error -- the project decider does not take a prioritization
      decider: 'project',
    };
    const noSummary: Spec = {
      ...commandSpecs.PrioritizeProject,
      // @ts-expect-error -- a decision event must say how the decision log reads it
      events: { ProjectPrioritized: { codec: prioritized.codec, label: prioritized.label } },
    };
    expect([noRoles, wrongDecider, noSummary]).toHaveLength(3);
  });
});

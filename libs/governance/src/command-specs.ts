import { authorityCommands } from './authority/authority-commands';
import type { CommandType } from './command-types';
import type { DeciderKind } from './deciders';
import { correctionCommands } from './corrections/correction-commands';
import { organisationCommands } from './organisation/organisation-commands';
import { ownershipCommands } from './ownership/ownership-commands';
import { planCommands } from './plans/plan-commands';
import { projectCommands } from './portfolio/project-commands';
import { rankingCommands } from './portfolio/ranking-commands';
import { procurementCommands } from './procurement/procurement-commands';
import { reportingCommands } from './reporting/reporting-commands';
import { riskCommands } from './risk/risk-commands';
import { supervisionCommands } from './supervision/supervision-commands';

/**
 * Every command's spec, gathered from the areas (see `command-spec.ts`). The type checks that each command
 * type of `command-types.ts` has a spec whose codec decodes that type; `command-specs.unit.spec.ts` checks that
 * there is no spec besides, and that no event type is produced by two specs.
 */
export const commandSpecs = {
  ...organisationCommands,
  ...authorityCommands,
  ...planCommands,
  ...projectCommands,
  ...rankingCommands,
  ...procurementCommands,
  ...ownershipCommands,
  ...riskCommands,
  ...reportingCommands,
  ...supervisionCommands,
  ...correctionCommands,
} satisfies { readonly [T in CommandType]: { readonly codec: { readonly _A: { readonly type: T } } } };

export type CommandSpecs = typeof commandSpecs;

/** The event specs of every command, by event type. */
export type EventSpecs = {
  readonly [E in EventTypeOf<CommandType>]: {
    [T in CommandType]: E extends keyof CommandSpecs[T]['events'] ? CommandSpecs[T]['events'][E] : never;
  }[CommandType];
};
type EventTypeOf<T extends CommandType> = T extends CommandType
  ? keyof CommandSpecs[T]['events'] & string
  : never;

/** Each event type's spec and the command that produces it. */
export const eventSpecs = Object.fromEntries(
  Object.values(commandSpecs).flatMap((spec) => Object.entries(spec.events)),
) as EventSpecs;

/** The command whose spec produces each event type: what a delegation's scope must cover for a decision. */
export const commandOfEvent = Object.fromEntries(
  Object.entries(commandSpecs).flatMap(([command, spec]) =>
    Object.keys(spec.events).map((event) => [event, command]),
  ),
) as { readonly [E in keyof EventSpecs]: CommandType };

/** The event types folded by one kind of decider: those of the commands whose spec names that kind. */
export type EventTypeDecidedBy<K extends DeciderKind> = {
  [T in CommandType]: CommandSpecs[T]['decider'] extends K ? keyof CommandSpecs[T]['events'] & string : never;
}[CommandType];

/** The event types folded by one kind of decider, at run time. */
export const eventTypesDecidedBy = <K extends DeciderKind>(kind: K): readonly EventTypeDecidedBy<K>[] =>
  Object.values(commandSpecs).flatMap((spec) =>
    spec.decider === kind ? (Object.keys(spec.events) as EventTypeDecidedBy<K>[]) : [],
  );

import type { Decider } from '@styring/eventstore';
import { decideRecordingWithoutAuthority } from './authority/record-without-authority';
import type { CommandType } from './command-types';
import { commandOfEvent, commandSpecs } from './command-specs';
import type { GovernanceContext } from './context/governance-context';
import { type DeciderKind, deciders } from './deciders';
import type { GovernanceCommand } from './governance-command';
import type { GovernanceEvent, GovernanceEventType } from './governance-event';

/** Which decider decides each command: its spec's `decider` (checked there to take the command). */
const kindOfCommand = Object.fromEntries(
  Object.entries(commandSpecs).map(([type, spec]) => [type, spec.decider]),
) as Readonly<Record<CommandType, DeciderKind>>;

/** Which decider folds each event: that of the command whose spec produces it. */
const kindOfEvent = Object.fromEntries(
  Object.entries(commandOfEvent).map(([type, command]) => [type, kindOfCommand[command]]),
) as Readonly<Record<GovernanceEventType, DeciderKind>>;

/** The state of any stream: each kind's own state, of which a stream only ever moves its own. */
export type GovernanceState = { readonly [K in DeciderKind]: (typeof deciders)[K]['initialState'] };

type AnyDecider = Decider<GovernanceCommand, GovernanceEvent, unknown, GovernanceContext>;
// The specs are checked per command, so each decider receives only commands and events it handles.
const deciderOf = (kind: DeciderKind) => deciders[kind] as unknown as AnyDecider;

/**
 * Every command and event through one decider, for one command handler: it hands each to the decider of its
 * kind of stream (a decision asked to be recorded without authority as `record-without-authority.ts` says).
 * Use with `streamFor(command)` as the stream and `governanceEventSerde` as the serde.
 */
export const governanceDecider: Decider<
  GovernanceCommand,
  GovernanceEvent,
  GovernanceState,
  GovernanceContext
> = {
  initialState: Object.fromEntries(
    Object.entries(deciders).map(([kind, decider]) => [kind, decider.initialState]),
  ) as GovernanceState,
  evolve: (state, event) => {
    const kind = kindOfEvent[event.type];
    return { ...state, [kind]: deciderOf(kind).evolve(state[kind], event) };
  },
  decide: (command, state, context) => {
    const kind = kindOfCommand[command.type];
    return decideRecordingWithoutAuthority(command, (asDecided) =>
      deciderOf(kind).decide(asDecided, state[kind], context),
    );
  },
};

import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { Decider } from '@styring/eventstore';
import { authorize } from '../authority/authorize';
import { coversMatter } from '../authority/scope';
import type { GovernanceContext } from '../context/governance-context';
import { evolveUnitRegister, type UnitRegister } from '../context/registers';
import { ensure } from '../shared/ensure';
import type { DissolveUnit, EstablishUnit, OrganisationCommand, OrganisationEvent } from './messages';
import { organisationRejections as reject } from './rejections';

const isActive = (units: UnitRegister, unit: string) => units.get(unit)?.dissolved === false;

const establish = (command: EstablishUnit, units: UnitRegister, context: GovernanceContext) =>
  pipe(
    ensure(!units.has(command.unit), () => reject.unitExists(command.unit)),
    E.chain(() =>
      command.parent === undefined
        ? E.right(undefined)
        : ensure(isActive(units, command.parent), () => reject.parentUnknown(command.parent ?? '')),
    ),
    E.chain(() =>
      authorize(command.decision, coversMatter({ commandType: command.type }), context.delegations),
    ),
    E.map((): readonly OrganisationEvent[] => [{ ...command, type: 'UnitEstablished' }]),
  );

const dissolve = (command: DissolveUnit, units: UnitRegister, context: GovernanceContext) => {
  const children = [...units.values()]
    .filter((u) => u.parent === command.unit && !u.dissolved)
    .map((u) => u.unit);
  return pipe(
    ensure(isActive(units, command.unit), () => reject.unitUnknown(command.unit)),
    E.chain(() => ensure(children.length === 0, () => reject.unitHasChildren(command.unit, children))),
    E.chain(() =>
      authorize(command.decision, coversMatter({ commandType: command.type }), context.delegations),
    ),
    E.map((): readonly OrganisationEvent[] => [{ ...command, type: 'UnitDissolved' }]),
  );
};

/**
 * The `organisation` stream: one stream for the whole unit tree, so that a unit's id is unique and its
 * parent exists at the moment it is established (both are invariants across units).
 */
export const organisationDecider: Decider<
  OrganisationCommand,
  OrganisationEvent,
  UnitRegister,
  GovernanceContext
> = {
  initialState: new Map(),
  evolve: evolveUnitRegister,
  decide: (command, units, context) =>
    command.type === 'EstablishUnit' ? establish(command, units, context) : dissolve(command, units, context),
};

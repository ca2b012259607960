import type * as t from 'io-ts';
import { DecisionReference } from '../shared/decision-reference';
import { commandNames } from '../shared/command-names';
import { message } from '../shared/message';
import { Slug } from '../shared/slug';
import { Text } from '../shared/text';
import { UnitKind } from '../shared/units';

const unitEstablishment = { unit: Slug, name: Text, kind: UnitKind, decision: DecisionReference };
const unitParent = { parent: Slug };
const unitDissolution = { unit: Slug, reason: Text, decision: DecisionReference };

/** Establish a unit of the organisation: a sector, staff department, virksomhet, section or department. */
export const EstablishUnit = message('EstablishUnit', unitEstablishment, unitParent);
export type EstablishUnit = t.TypeOf<typeof EstablishUnit>;
export const UnitEstablished = message('UnitEstablished', unitEstablishment, unitParent);
export type UnitEstablished = t.TypeOf<typeof UnitEstablished>;

export const DissolveUnit = message('DissolveUnit', unitDissolution);
export type DissolveUnit = t.TypeOf<typeof DissolveUnit>;
export const UnitDissolved = message('UnitDissolved', unitDissolution);
export type UnitDissolved = t.TypeOf<typeof UnitDissolved>;

export type OrganisationCommand = EstablishUnit | DissolveUnit;
export type OrganisationEvent = UnitEstablished | UnitDissolved;

/** This area's commands, by name: their part of the recorded vocabulary (`command-types.ts`). */
export const organisationCommandNames = commandNames(EstablishUnit, DissolveUnit);

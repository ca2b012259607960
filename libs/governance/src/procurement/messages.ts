import * as t from 'io-ts';
import { IsoDate, Period } from '../shared/dates';
import { DecisionReference } from '../shared/decision-reference';
import { commandNames } from '../shared/command-names';
import { message } from '../shared/message';
import { Nok } from '../shared/numbers';
import { Slug } from '../shared/slug';
import { Text } from '../shared/text';

/** `callOff`: an avrop on a framework agreement, which the line runs whatever its value. */
const registration = {
  procurementId: Slug,
  title: Text,
  estimatedValueNok: Nok,
  callOff: t.boolean,
  requestingUnit: Slug,
  registeredOn: IsoDate,
};
const forProject = { projectId: Slug };

export const RegisterProcurement = message('RegisterProcurement', registration, forProject);
export type RegisterProcurement = t.TypeOf<typeof RegisterProcurement>;
/** `responsibleUnit` is derived from the threshold in force (`thresholdNok`, kept for the audit). */
export const ProcurementRegistered = message(
  'ProcurementRegistered',
  { ...registration, responsibleUnit: Slug, thresholdNok: Nok },
  forProject,
);
export type ProcurementRegistered = t.TypeOf<typeof ProcurementRegistered>;

const award = { procurementId: Slug, supplier: Text, contractValueNok: Nok, decision: DecisionReference };
const contractPeriod = { contractPeriod: Period };
export const AwardContract = message('AwardContract', award, contractPeriod);
export type AwardContract = t.TypeOf<typeof AwardContract>;
/** `followUpOwner`: contract follow-up belongs to whoever ran the procurement. */
export const ContractAwarded = message('ContractAwarded', { ...award, followUpOwner: Slug }, contractPeriod);
export type ContractAwarded = t.TypeOf<typeof ContractAwarded>;

const followUp = { procurementId: Slug, followUpOwner: Slug, decision: DecisionReference };
export const AssignContractFollowUp = message('AssignContractFollowUp', followUp);
export type AssignContractFollowUp = t.TypeOf<typeof AssignContractFollowUp>;
export const ContractFollowUpAssigned = message('ContractFollowUpAssigned', followUp);
export type ContractFollowUpAssigned = t.TypeOf<typeof ContractFollowUpAssigned>;

export type ProcurementCommand = RegisterProcurement | AwardContract | AssignContractFollowUp;
export type ProcurementEvent = ProcurementRegistered | ContractAwarded | ContractFollowUpAssigned;

/** This area's commands, by name: their part of the recorded vocabulary (`command-types.ts`). */
export const procurementCommandNames = commandNames(
  RegisterProcurement,
  AwardContract,
  AssignContractFollowUp,
);

import type { CommandSpec } from '../command-spec';
import { formatNok } from '../shared/nok';
import { lineRoles } from '../shared/roles';
import { streamById } from '../stream-categories';
import {
  AssignContractFollowUp,
  AwardContract,
  ContractAwarded,
  ContractFollowUpAssigned,
  ProcurementRegistered,
  RegisterProcurement,
} from './messages';

const procurementStream = streamById('procurement', 'procurementId');
const tag = 'anskaffelser';

/** A procurement and its contract, one `procurement-{id}` stream each. */
export const procurementCommands = {
  RegisterProcurement: {
    codec: RegisterProcurement,
    decider: 'procurement',
    stream: procurementStream,
    route: { path: 'procurements', summary: 'Registrer en anskaffelse', tag },
    roles: lineRoles,
    events: { ProcurementRegistered: { codec: ProcurementRegistered, label: 'Anskaffelse registrert' } },
  } satisfies CommandSpec<RegisterProcurement, ProcurementRegistered>,
  AwardContract: {
    codec: AwardContract,
    decider: 'procurement',
    stream: procurementStream,
    route: { path: 'procurements/:procurementId/award', summary: 'Tildel kontrakt', tag },
    roles: lineRoles,
    events: {
      ContractAwarded: {
        codec: ContractAwarded,
        label: 'Kontrakt tildelt',
        decision: {
          summary: (e) =>
            `Kontrakt i anskaffelse ${e.procurementId} tildelt ${e.supplier} (${formatNok(e.contractValueNok)}); oppfølging: ${e.followUpOwner}`,
          matter: (e) => ({ amountNok: e.contractValueNok }),
          unit: (e) => e.followUpOwner,
        },
      },
    },
  } satisfies CommandSpec<AwardContract, ContractAwarded>,
  AssignContractFollowUp: {
    codec: AssignContractFollowUp,
    decider: 'procurement',
    stream: procurementStream,
    route: {
      path: 'procurements/:procurementId/follow-up',
      summary: 'Plasser ansvar for kontraktsoppfølging',
      tag,
    },
    roles: lineRoles,
    events: {
      ContractFollowUpAssigned: {
        codec: ContractFollowUpAssigned,
        label: 'Kontraktsoppfølging tildelt',
        decision: {
          summary: (e) =>
            `Oppfølging av kontrakten i anskaffelse ${e.procurementId} gitt til ${e.followUpOwner}`,
          unit: (e) => e.followUpOwner,
        },
      },
    },
  } satisfies CommandSpec<AssignContractFollowUp, ContractFollowUpAssigned>,
};

// The given/when/then helper lives in the testkit; the domain's own code never imports it.
import { deciderSpecification } from '@styring/eventstore-testkit';
import { delegatedDecision, standardContext } from '../testing/fixtures';
import type {
  AssignContractFollowUp,
  AwardContract,
  ProcurementRegistered,
  RegisterProcurement,
} from './messages';
import { procurementDecider } from './procurement-decider';

const spec = deciderSpecification(procurementDecider);

const register = (estimatedValueNok: number, callOff = false): RegisterProcurement => ({
  type: 'RegisterProcurement',
  procurementId: 'vintervedlikehold',
  title: 'Vintervedlikehold av kommunale veier',
  estimatedValueNok,
  callOff,
  requestingUnit: 'teknisk-sektor',
  registeredOn: '2024-04-02',
});
const registered = (command: RegisterProcurement, responsibleUnit: string): ProcurementRegistered => ({
  ...command,
  type: 'ProcurementRegistered',
  responsibleUnit,
  thresholdNok: 1_300_000,
});

describe('procurementDecider: values', () => {
  it('refuses a procurement or a contract worth NOK 0 (procurement.value_not_positive)', () => {
    spec.given([]).when(register(0), standardContext).thenRejectedWith('procurement.value_not_positive');
    spec
      .given([registered(register(900_000), 'teknisk-sektor')])
      .when(
        {
          type: 'AwardContract',
          procurementId: 'vintervedlikehold',
          supplier: 'Brøyting AS (fiktivt)',
          contractValueNok: 0,
          decision: delegatedDecision('direktor', 'kd-direktor-teknisk', { unit: 'teknisk-sektor' }),
        },
        standardContext,
      )
      .thenRejectedWith('procurement.value_not_positive');
  });
});

describe('procurementDecider: responsibility by the dated threshold', () => {
  it('gives a procurement over NOK 1.3 million to seksjon for Utvikling og digitalisering', () => {
    spec
      .given([])
      .when(register(1_300_001), standardContext)
      .then([registered(register(1_300_001), 'utvikling-og-digitalisering')]);
  });

  it('leaves a procurement at or below the threshold, and every call-off, in the line', () => {
    spec
      .given([])
      .when(register(1_300_000), standardContext)
      .then([registered(register(1_300_000), 'teknisk-sektor')]);
    spec
      .given([])
      .when(register(9_000_000, true), standardContext)
      .then([registered(register(9_000_000, true), 'teknisk-sektor')]);
  });

  it('uses the threshold in force on the registration date', () => {
    const context = {
      ...standardContext,
      procurementThresholds: [
        ...standardContext.procurementThresholds,
        {
          validFrom: '2025-01-01',
          thresholdNok: 2_000_000,
          centralUnit: 'utvikling-og-digitalisering',
          source: 'Test',
        },
      ],
    };
    const in2025 = { ...register(1_500_000), registeredOn: '2025-03-01' };
    spec
      .given([])
      .when(in2025, context)
      .then([
        {
          ...in2025,
          type: 'ProcurementRegistered',
          responsibleUnit: 'teknisk-sektor',
          thresholdNok: 2_000_000,
        },
      ]);
  });

  it('refuses a registration when no threshold was in force (procurement.no_threshold_in_force)', () => {
    spec
      .given([])
      .when({ ...register(500_000), registeredOn: '2023-12-31' }, standardContext)
      .thenRejectedWith('procurement.no_threshold_in_force');
  });

  it('registers a procurement once (procurement.already_registered)', () => {
    spec
      .given([registered(register(500_000), 'teknisk-sektor')])
      .when(register(500_000), standardContext)
      .thenRejectedWith('procurement.already_registered');
  });
});

describe('procurementDecider: award and follow-up', () => {
  const award: AwardContract = {
    type: 'AwardContract',
    procurementId: 'vintervedlikehold',
    supplier: 'Brøyting AS (fiktivt)',
    contractValueNok: 4_800_000,
    decision: delegatedDecision('direktor', 'kd-direktor-teknisk', { unit: 'teknisk-sektor' }),
  };
  const central = registered(register(4_000_000), 'utvikling-og-digitalisering');
  const awarded = {
    ...award,
    type: 'ContractAwarded' as const,
    followUpOwner: 'utvikling-og-digitalisering',
  };
  const reassign: AssignContractFollowUp = {
    type: 'AssignContractFollowUp',
    procurementId: 'vintervedlikehold',
    followUpOwner: 'teknisk-sektor',
    decision: delegatedDecision('kommunedirektoren', 'ks-kd'),
  };

  it('awards the contract, giving follow-up to whoever ran the procurement', () => {
    spec.given([central]).when(award, standardContext).then([awarded]);
  });

  it('needs a delegation covering the contract value (authority.outside_delegation)', () => {
    spec
      .given([central])
      .when({ ...award, contractValueNok: 5_000_001 }, standardContext)
      .thenRejectedWith('authority.outside_delegation');
  });

  it('awards only a registered procurement (procurement.not_registered), once (procurement.already_awarded)', () => {
    spec.given([]).when(award, standardContext).thenRejectedWith('procurement.not_registered');
    spec
      .given([central, awarded])
      .when(award, standardContext)
      .thenRejectedWith('procurement.already_awarded');
  });

  it('reassigns follow-up of an awarded contract only (procurement.not_awarded)', () => {
    spec
      .given([central, awarded])
      .when(reassign, standardContext)
      .then([{ ...reassign, type: 'ContractFollowUpAssigned' }]);
    spec.given([central]).when(reassign, standardContext).thenRejectedWith('procurement.not_awarded');
  });
});

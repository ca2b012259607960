import type { CommandSpec } from '../command-spec';
import { councilAndExecutiveRoles, lineRoles } from '../shared/roles';
import { streamById } from '../stream-categories';
import {
  AdoptRiskScale,
  AssessRisk,
  CloseRisk,
  DecideRiskTreatment,
  RiskAssessed,
  RiskClosed,
  RiskScaleAdopted,
  RiskTreatmentDecided,
} from './messages';
import { riskBandLabels } from './risk-scale';

const riskStream = streamById('risk', 'riskId');
const tag = 'risiko';

/** The risk scale (`riskscale-{version}`) and each risk (`risk-{id}`). */
export const riskCommands = {
  AdoptRiskScale: {
    codec: AdoptRiskScale,
    decider: 'riskScale',
    stream: streamById('riskScale', 'scaleVersion'),
    route: { path: 'risk-scales', summary: 'Vedta en versjon av risikoskalaen', tag },
    roles: councilAndExecutiveRoles,
    events: {
      RiskScaleAdopted: {
        codec: RiskScaleAdopted,
        label: 'Risikoskala vedtatt',
        decision: {
          summary: (e) =>
            `Risikoskala versjon ${e.scaleVersion} vedtatt (${e.likelihoodLevels} × ${e.consequenceLevels}; ` +
            `${e.bands.map((b) => `${riskBandLabels[b.band].toLowerCase()} ≤ ${b.maxScore}`).join(', ')})`,
        },
      },
    },
  } satisfies CommandSpec<AdoptRiskScale, RiskScaleAdopted>,
  AssessRisk: {
    codec: AssessRisk,
    decider: 'risk',
    stream: riskStream,
    route: { path: 'risks/:riskId/assessments', summary: 'Vurder (eller revurder) en risiko', tag },
    roles: lineRoles,
    events: { RiskAssessed: { codec: RiskAssessed, label: 'Risiko vurdert' } },
  } satisfies CommandSpec<AssessRisk, RiskAssessed>,
  DecideRiskTreatment: {
    codec: DecideRiskTreatment,
    decider: 'risk',
    stream: riskStream,
    route: { path: 'risks/:riskId/treatments', summary: 'Bestem risikohåndtering', tag },
    roles: lineRoles,
    events: {
      RiskTreatmentDecided: {
        codec: RiskTreatmentDecided,
        label: 'Risikohåndtering besluttet',
        decision: { summary: (e) => `Håndtering av risiko ${e.riskId} besluttet: ${e.strategy}` },
      },
    },
  } satisfies CommandSpec<DecideRiskTreatment, RiskTreatmentDecided>,
  CloseRisk: {
    codec: CloseRisk,
    decider: 'risk',
    stream: riskStream,
    route: { path: 'risks/:riskId/closure', summary: 'Lukk en risiko', tag },
    roles: lineRoles,
    events: { RiskClosed: { codec: RiskClosed, label: 'Risiko lukket' } },
  } satisfies CommandSpec<CloseRisk, RiskClosed>,
};

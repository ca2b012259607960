// The given/when/then helper lives in the testkit; the domain's own code never imports it.
import { deciderSpecification } from '@styring/eventstore-testkit';
import { contextWith, delegatedDecision, standardContext } from '../testing/fixtures';
import { adoptRiskScale } from '../testing/risk-scale';
import type { AssessRisk, CloseRisk, DecideRiskTreatment, RiskAssessed, RiskScaleAdopted } from './messages';
import { riskDecider } from './risk-decider';
import { riskScaleDecider } from './risk-scale-decider';

const adoptScale = adoptRiskScale(
  delegatedDecision('kommunedirektoren', 'ks-kd', { decidedOn: '2023-12-20' }),
);
const scaleAdopted: RiskScaleAdopted = { ...adoptScale, type: 'RiskScaleAdopted' };

describe('riskScaleDecider', () => {
  const spec = deciderSpecification(riskScaleDecider);

  it('adopts a scale version once (risk.scale_version_exists)', () => {
    spec.given([]).when(adoptScale, standardContext).then([scaleAdopted]);
    spec
      .given([scaleAdopted])
      .when(adoptScale, standardContext)
      .thenRejectedWith('risk.scale_version_exists');
  });

  it('needs rising bands that reach the highest score (risk.scale_bands_invalid)', () => {
    const bands = (...limits: number[]) => ({
      ...adoptScale,
      bands: limits.map((maxScore, i) => ({
        band: (['lav', 'middels', 'hoy'] as const)[i] ?? 'hoy',
        maxScore,
      })),
    });
    spec
      .given([])
      .when(bands(4, 12, 20), standardContext)
      .thenRejectedWith('risk.scale_bands_invalid');
    spec
      .given([])
      .when(bands(12, 4, 25), standardContext)
      .thenRejectedWith('risk.scale_bands_invalid');
    spec
      .given([])
      .when(bands(4, 12, 25, 26), standardContext)
      .thenRejectedWith('risk.scale_bands_invalid');
  });
});

describe('riskDecider', () => {
  const spec = deciderSpecification(riskDecider);
  const context = contextWith([scaleAdopted], standardContext);

  const assess: AssessRisk & { consequence: number } = {
    type: 'AssessRisk',
    riskId: 'mangelfull-internkontroll-personvern',
    title: 'Brudd på personvernregelverket i saksbehandlingen',
    context: 'internkontroll',
    scaleVersion: 1,
    likelihood: 3,
    consequence: 4,
    ownerUnit: 'styv',
    treatment: 'Opplæring og stikkprøver',
    assessedOn: '2024-10-01',
    nextReview: '2025-04-01',
  };
  const assessed: RiskAssessed = {
    ...assess,
    type: 'RiskAssessed',
    consequence: 4,
    score: 12,
    band: 'middels',
  };

  it('derives score and band from the scale version', () => {
    spec.given([]).when(assess, context).then([assessed]);
    spec
      .given([])
      .when({ ...assess, likelihood: 5, consequence: 3 }, context)
      .then([{ ...assess, type: 'RiskAssessed', likelihood: 5, consequence: 3, score: 15, band: 'hoy' }]);
  });

  it('takes the worst dimension as the consequence when scored per dimension', () => {
    const { consequence: _c, ...overall } = assess;
    const byDimension = {
      ...overall,
      consequenceByDimension: [
        { dimension: 'okonomi', value: 2 },
        { dimension: 'styringsevne', value: 4 },
      ],
    };
    spec
      .given([])
      .when(byDimension, context)
      .then([{ ...byDimension, type: 'RiskAssessed', consequence: 4, score: 12, band: 'middels' }]);
    spec
      .given([])
      .when({ ...byDimension, consequenceByDimension: [{ dimension: 'omdomme', value: 2 }] }, context)
      .thenRejectedWith('risk.dimension_unknown');
    spec
      .given([])
      .when({ ...byDimension, consequence: 4 }, context)
      .thenRejectedWith('risk.consequence_required');
    spec.given([]).when(overall, context).thenRejectedWith('risk.consequence_required');
  });

  it('keeps values within the range of the scale version (risk.value_out_of_scale)', () => {
    spec
      .given([])
      .when({ ...assess, likelihood: 6 }, context)
      .thenRejectedWith('risk.value_out_of_scale');
    spec
      .given([])
      .when({ ...assess, consequence: 6 }, context)
      .thenRejectedWith('risk.value_out_of_scale');
    const { consequence: _c, ...overall } = assess;
    spec
      .given([])
      .when({ ...overall, consequenceByDimension: [{ dimension: 'miljo', value: 7 }] }, context)
      .thenRejectedWith('risk.value_out_of_scale');
  });

  it('needs an adopted scale version in force on the assessment date (risk.scale_unknown, risk.scale_not_in_force)', () => {
    spec
      .given([])
      .when({ ...assess, scaleVersion: 2 }, context)
      .thenRejectedWith('risk.scale_unknown');
    spec
      .given([])
      .when({ ...assess, assessedOn: '2023-12-31' }, context)
      .thenRejectedWith('risk.scale_not_in_force');
  });

  it('sets the next review after the assessment (risk.next_review_not_after_assessment)', () => {
    spec
      .given([])
      .when({ ...assess, nextReview: assess.assessedOn }, context)
      .thenRejectedWith('risk.next_review_not_after_assessment');
  });

  it('reassesses an open risk as a new event, never by editing the old one', () => {
    const again = { ...assess, likelihood: 2, assessedOn: '2025-04-01', nextReview: '2025-10-01' };
    spec
      .given([assessed])
      .when(again, context)
      .then([{ ...again, type: 'RiskAssessed', score: 8, band: 'middels' }]);
  });

  const treat: DecideRiskTreatment = {
    type: 'DecideRiskTreatment',
    riskId: assess.riskId,
    strategy: 'redusere',
    measures: ['Opplæring i personvern for alle saksbehandlere'],
    decision: delegatedDecision('kommunedirektoren', 'ks-kd'),
  };
  const close: CloseRisk = {
    type: 'CloseRisk',
    riskId: assess.riskId,
    closedOn: '2026-01-10',
    reason: 'Tiltak gjennomført',
  };

  it('decides treatment of and closes an assessed risk (risk.not_assessed)', () => {
    spec
      .given([assessed])
      .when(treat, context)
      .then([{ ...treat, type: 'RiskTreatmentDecided' }]);
    spec
      .given([assessed])
      .when(close, context)
      .then([{ ...close, type: 'RiskClosed' }]);
    spec.given([]).when(treat, context).thenRejectedWith('risk.not_assessed');
    spec.given([]).when(close, context).thenRejectedWith('risk.not_assessed');
  });

  it('changes nothing after a risk is closed (risk.closed)', () => {
    const closed = { ...close, type: 'RiskClosed' as const };
    spec.given([assessed, closed]).when(assess, context).thenRejectedWith('risk.closed');
    spec.given([assessed, closed]).when(treat, context).thenRejectedWith('risk.closed');
    spec.given([assessed, closed]).when(close, context).thenRejectedWith('risk.closed');
  });
});

import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { Decider, DomainRejection } from '@styring/eventstore';
import { authorize } from '../authority/authorize';
import { coversMatter } from '../authority/scope';
import type { GovernanceContext } from '../context/governance-context';
import { ensure } from '../shared/ensure';
import type { AssessRisk, RiskCommand, RiskEvent } from './messages';
import { riskRejections as reject } from './rejections';
import { bandFor, type RiskScale } from './risk-scale';

export type RiskState = 'none' | 'open' | 'closed';

type Decided = E.Either<DomainRejection, readonly RiskEvent[]>;

const inRange = (field: string, value: number, levels: number) =>
  ensure(value <= levels, () => reject.valueOutOfScale(field, value, levels));

/** The overall consequence: as given, or the worst of the dimensions scored. */
const consequenceOf = (command: AssessRisk, scale: RiskScale): E.Either<DomainRejection, number> => {
  const { consequence, consequenceByDimension: dimensions } = command;
  if ((consequence === undefined) === (dimensions === undefined)) return E.left(reject.consequenceRequired());
  if (consequence !== undefined) {
    return pipe(
      inRange('consequence', consequence, scale.consequenceLevels),
      E.map(() => consequence),
    );
  }
  const scores = dimensions ?? [];
  const unknown = scores.find((score) => !scale.consequenceDimensions.includes(score.dimension));
  if (unknown !== undefined) return E.left(reject.dimensionUnknown(unknown.dimension, scale.scaleVersion));
  const tooHigh = scores.find((score) => score.value > scale.consequenceLevels);
  if (tooHigh !== undefined) {
    return E.left(
      reject.valueOutOfScale(`consequence (${tooHigh.dimension})`, tooHigh.value, scale.consequenceLevels),
    );
  }
  return E.right(Math.max(...scores.map((score) => score.value)));
};

/** Checks the values against the scale version the assessment names, and derives score and band from it. */
const assess = (command: AssessRisk, state: RiskState, context: GovernanceContext): Decided => {
  if (state === 'closed') return E.left(reject.closed(command.riskId));
  const scale = context.riskScales.get(command.scaleVersion);
  if (scale === undefined) return E.left(reject.scaleUnknown(command.scaleVersion));
  return pipe(
    ensure(scale.validFrom <= command.assessedOn, () =>
      reject.scaleNotInForce(scale.scaleVersion, command.assessedOn),
    ),
    E.chain(() => inRange('likelihood', command.likelihood, scale.likelihoodLevels)),
    E.chain(() => consequenceOf(command, scale)),
    E.chainFirst(() => ensure(command.nextReview > command.assessedOn, reject.nextReviewNotAfterAssessment)),
    E.chain((consequence) => {
      const score = command.likelihood * consequence;
      const band = bandFor(scale, score);
      if (band === undefined)
        return E.left(reject.scaleBandsInvalid(scale.likelihoodLevels * scale.consequenceLevels));
      return E.right([{ ...command, type: 'RiskAssessed', consequence, score, band }]);
    }),
  );
};

const isOpen = (riskId: string, state: RiskState) =>
  state === 'open'
    ? E.right(undefined)
    : E.left(state === 'none' ? reject.notAssessed(riskId) : reject.closed(riskId));

/**
 * A `risk-{riskId}` stream per risk: assessed (and reassessed, each time a new event) while open, its
 * treatment decided, and closed once. Score and band are never typed in: the decider derives them from
 * the scale version in the context.
 */
export const riskDecider: Decider<RiskCommand, RiskEvent, RiskState, GovernanceContext> = {
  initialState: 'none',
  evolve: (state, event) =>
    event.type === 'RiskClosed' ? 'closed' : event.type === 'RiskAssessed' ? 'open' : state,
  decide: (command, state, context): Decided => {
    switch (command.type) {
      case 'AssessRisk':
        return assess(command, state, context);
      case 'DecideRiskTreatment':
        return pipe(
          isOpen(command.riskId, state),
          E.chain(() =>
            authorize(command.decision, coversMatter({ commandType: command.type }), context.delegations),
          ),
          E.map(() => [{ ...command, type: 'RiskTreatmentDecided' }]),
        );
      case 'CloseRisk':
        return pipe(
          isOpen(command.riskId, state),
          E.map(() => [{ ...command, type: 'RiskClosed' }]),
        );
    }
  },
};

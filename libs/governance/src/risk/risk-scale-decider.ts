import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { Decider } from '@styring/eventstore';
import { authorize } from '../authority/authorize';
import { coversMatter } from '../authority/scope';
import type { GovernanceContext } from '../context/governance-context';
import { ensure } from '../shared/ensure';
import type { AdoptRiskScale, RiskScaleAdopted } from './messages';
import { riskRejections as reject } from './rejections';
import type { RiskScale } from './risk-scale';

/** Bands with rising limits and distinct names, the last reaching the highest possible score. */
const bandsAreValid = (scale: RiskScale): boolean => {
  const limits = scale.bands.map((band) => band.maxScore);
  const names = new Set(scale.bands.map((band) => band.band));
  return (
    names.size === scale.bands.length &&
    limits.every((limit, index) => index === 0 || limit > (limits[index - 1] ?? 0)) &&
    limits[limits.length - 1] === scale.likelihoodLevels * scale.consequenceLevels
  );
};

/**
 * A `riskscale-{version}` stream per version of the risk scale: a version is adopted once and never
 * changed, so every assessment can be read against exactly the scale it names.
 */
export const riskScaleDecider: Decider<AdoptRiskScale, RiskScaleAdopted, boolean, GovernanceContext> = {
  initialState: false,
  evolve: () => true,
  decide: (command, adopted, context) =>
    pipe(
      ensure(!adopted, () => reject.scaleVersionExists(command.scaleVersion)),
      E.chain(() =>
        ensure(bandsAreValid(command), () =>
          reject.scaleBandsInvalid(command.likelihoodLevels * command.consequenceLevels),
        ),
      ),
      E.chain(() =>
        authorize(command.decision, coversMatter({ commandType: command.type }), context.delegations),
      ),
      E.map((): readonly RiskScaleAdopted[] => [{ ...command, type: 'RiskScaleAdopted' }]),
    ),
};

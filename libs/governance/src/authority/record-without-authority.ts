import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { DomainRejection } from '@styring/eventstore';
import type { DecisionReference } from '../shared/decision-reference';
import { authorityRejections as reject } from './rejections';

/**
 * The refusals of `authorize` that say the deciding body had no authority (no competence of its own, no
 * delegation that held): the only ones a decision may be recorded despite. A missing meeting and every
 * other rule still refuse.
 */
export const authorityFindingCodes: readonly string[] = [
  'authority.delegation_required',
  'authority.outside_competence',
  'authority.delegation_unknown',
  'authority.delegation_not_held',
  'authority.delegation_not_in_force',
  'authority.outside_delegation',
];

const findingOf = ({ code, message, messageEn }: DomainRejection) => ({ code, message, messageEn });

type Decide<C, Ev> = (command: C) => E.Either<DomainRejection, readonly Ev[]>;

const decisionOf = (command: object): DecisionReference | undefined =>
  'decision' in command ? (command.decision as DecisionReference | undefined) : undefined;

/**
 * Decides a command; one whose decision asks to be recorded without authority is decided twice. First as
 * an ordinary decision: if that goes through, the body had the authority and the request is refused; if
 * it is refused for another reason than authority, that refusal stands. Then with the authority finding
 * written into the decision, which `authorize` then lets pass – so every other rule still runs, and the
 * events, which copy the decision, carry the finding.
 */
export const decideRecordingWithoutAuthority = <C extends object, Ev>(
  command: C,
  decide: Decide<C, Ev>,
): E.Either<DomainRejection, readonly Ev[]> => {
  const decision = decisionOf(command);
  const asked = decision?.recordedWithoutAuthority;
  if (decision === undefined || asked === undefined) return decide(command);
  const { recordedWithoutAuthority: _asked, ...ordinary } = decision;
  const withDecision = (reference: DecisionReference) => ({ ...command, decision: reference });
  return pipe(
    decide(withDecision(ordinary)),
    E.fold(
      (refused) =>
        authorityFindingCodes.includes(refused.code)
          ? decide(
              withDecision({
                ...decision,
                recordedWithoutAuthority: { reason: asked.reason, finding: findingOf(refused) },
              }),
            )
          : E.left(refused),
      () => E.left(reject.hasAuthority()),
    ),
  );
};

import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type * as t from 'io-ts';
import type { Decider, DomainRejection } from '@styring/eventstore';
import type { GovernanceContext } from '../context/governance-context';
import { governanceEventSerde } from '../event-serde';
import { eventCodecs, type GovernanceEvent } from '../governance-event';
import { decodeFailure, describeDecodeFailure } from '../shared/decode-failure';
import { applyChanges } from './apply-changes';
import { sameJson, valueAt, withValueAt } from './field-paths';
import type { CorrectEvent, EventCorrected, FieldChange } from './messages';
import { correctionRejections as reject } from './rejections';

/** The changes already made to the corrected event, in order. */
export type CorrectionState = readonly FieldChange[];

type Data = Readonly<Record<string, unknown>>;

const dataOf = ({ type: _type, ...data }: GovernanceEvent): Data => data;

/** Each change must state what the record says now, and change it. */
const applyCommandChanges = (
  current: unknown,
  changes: readonly FieldChange[],
): E.Either<DomainRejection, unknown> => {
  let value = current;
  for (const change of changes) {
    if (!sameJson(valueAt(value, change.field), change.before))
      return E.left(reject.beforeMismatch(change.field));
    if (sameJson(change.before, change.after)) return E.left(reject.noChange(change.field));
    const next = withValueAt(value, change.field, change.after);
    if (E.isLeft(next)) return E.left(reject.resultInvalid(`${change.field}: ${next.left}`));
    value = next.right;
  }
  return E.right(value);
};

const correct = (
  command: CorrectEvent,
  earlier: CorrectionState,
  context: GovernanceContext,
): E.Either<DomainRejection, readonly EventCorrected[]> => {
  const target = context.correctionTarget;
  if (target === undefined || target.eventId !== command.correctedEventId) {
    return E.left(reject.targetMissing(command.correctedEventId));
  }
  if (target.type === 'EventCorrected') return E.left(reject.targetIsCorrection(command.correctedEventId));
  const decoded = governanceEventSerde.fromRecorded(target);
  if (E.isLeft(decoded)) return E.left(reject.resultInvalid(decoded.left.reason));
  const { type } = decoded.right;
  const codec: t.Decoder<unknown, GovernanceEvent> = eventCodecs[type];
  return pipe(
    applyChanges(dataOf(decoded.right), earlier),
    E.mapLeft(reject.resultInvalid),
    E.chain((current) => applyCommandChanges(current, command.changes)),
    E.chain((corrected) =>
      pipe(
        codec.decode({ ...(corrected as Data), type }),
        E.mapLeft((errors) => reject.resultInvalid(describeDecodeFailure(decodeFailure(errors)))),
      ),
    ),
    E.map(() => [
      {
        ...command,
        type: 'EventCorrected',
        correctedEventType: target.type,
        correctedStreamId: target.streamId,
      },
    ]),
  );
};

/**
 * A `correction-{eventId}` stream per corrected event: each correction states the value it replaces, which
 * must be what the record says after the corrections before it, and the event must still be valid after
 * it. The event itself is never touched; the application passes it in the context to compare against.
 */
export const correctionDecider: Decider<CorrectEvent, EventCorrected, CorrectionState, GovernanceContext> = {
  initialState: [],
  evolve: (changes, event) => [...changes, ...event.changes],
  decide: correct,
};

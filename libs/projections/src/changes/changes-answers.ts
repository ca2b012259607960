import * as t from 'io-ts';
import { globalPosition } from '../answers/answer-codecs';
import { correctedEventFields, correctedFieldFields } from '../change-log/change-log-answers';
import { recordedByFields, recordedDecisionFields } from '../decision-log/decision-log-answers';

/** A decision recorded between the two times, as the Vedtakslogg shows it at the later one. */
const newDecision = t.intersection([
  t.type({ ...recordedDecisionFields, ...recordedByFields, recordedAt: t.string, globalPosition }),
  t.partial({ meeting: t.string, unit: t.string, onBehalfOf: t.string }),
]);

/** One corrected field: the value before and after (absent where there was none), why, and who. */
const correction = t.intersection([
  t.type({ ...correctedFieldFields, recordedAt: t.string, globalPosition }),
  t.partial({ ...correctedEventFields, before: t.unknown, after: t.unknown }),
]);

/** An entry whose status differs between the two times; a side is absent where the register did not list it. */
const statusChange = t.intersection([
  t.type({ key: t.string, label: t.string }),
  t.partial({ before: t.string, after: t.string }),
]);

/** The status changes of one register (`register` is its slug, `title` its Norwegian name). */
const registerChanges = t.type({ register: t.string, title: t.string, changes: t.array(statusChange) });

/** What changed in the record between two recorded times. */
export const changesBetweenAnswer = t.type({
  from: t.string,
  to: t.string,
  decisions: t.array(newDecision),
  corrections: t.array(correction),
  registers: t.array(registerChanges),
});

import { corrections } from './corrections';
import { type DemoStep, recordedDayOf } from './demo-step';
import { organisation } from './organisation';
import { ownership } from './ownership';
import { plans } from './plans';
import { portfolios } from './portfolios';
import { procurement } from './procurement';
import { reporting } from './reporting';
import { risk } from './risk';
import { supervision } from './supervision';

/**
 * Lørenskog kommune's governance, 2023–2025, as the commands its people would send, in the order they
 * were entered into the system (by the day each was recorded, then the day it happened; steps of one day
 * keep the order of their area). Most are entered the day they happen; a few are marked as entered later
 * (`recordedOn`): plans older than the system, registrations made weeks late, and corrections made months
 * after the fact. Built from the policy document «Helhetlig styring i Lørenskog kommune»; everything the
 * document does not say is FICTITIOUS and marked so.
 */
export const demoHistory: readonly DemoStep[] = [
  ...organisation,
  ...plans,
  ...ownership,
  ...portfolios,
  ...procurement,
  ...risk,
  ...reporting,
  ...supervision,
  ...corrections,
]
  .map((step, index) => ({ step, index, key: `${recordedDayOf(step)} ${step.on}` }))
  .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index))
  .map(({ step }) => step);

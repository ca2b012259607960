import { corrections } from './corrections';
import type { DemoStep } from './demo-step';
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
 * happened (steps of one day keep the order of their area). Built from the policy document «Helhetlig
 * styring i Lørenskog kommune»; everything the document does not say is FICTITIOUS and marked so.
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
  .map((step, index) => ({ step, index }))
  .sort((a, b) => (a.step.on < b.step.on ? -1 : a.step.on > b.step.on ? 1 : a.index - b.index))
  .map(({ step }) => step);

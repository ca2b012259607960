import type { Caller } from '@styring/app';
import type { CommandFields } from '../commands/styring-command';

/** A council decision in a meeting, under the law: needs no delegation in the history. */
export const councilDecision = (decidedOn: string, caseNumber: string) => ({
  body: 'kommunestyret' as const,
  decidedOn,
  caseNumber,
  meeting: `Kommunestyrets møte ${decidedOn}`,
  authority: { kind: 'law' as const, reference: 'Kommuneloven § 5-3' },
});

export const unit = (id: string, parent?: string): CommandFields<'EstablishUnit'> => ({
  unit: id,
  name: `Enhet ${id}`,
  kind: parent === undefined ? 'stabsavdeling' : 'seksjon',
  ...(parent === undefined ? {} : { parent }),
  decision: councilDecision('2024-01-10', '2024/100'),
});

export const secretariat: Caller = {
  actor: 'test-sekretariat',
  role: 'kommunestyre-sekretariat',
  unit: 'styv',
  onBehalfOf: 'kommunestyret',
};

/** Polls until `check` holds (events reach the bus asynchronously), or fails after `timeoutMs`. */
export const eventually = async (check: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

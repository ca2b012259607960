import { decisionTypes } from './decisions';
import { recordedDecisionTypes } from './recorded-decision-types';

describe('the recorded decision types', () => {
  it('name every decision type once', () => {
    const recorded: readonly string[] = recordedDecisionTypes;
    const unrecorded = decisionTypes.filter((type) => !recorded.includes(type));
    if (unrecorded.length > 0) {
      throw new Error(
        `A new decision type is not yet in recorded-decision-types.ts: add ${unrecorded.map((type) => `'${type}'`).join(', ')} ` +
          'at its end. (The decision log and authority read models need no rebuild for it.)',
      );
    }
    expect(new Set(recorded).size).toBe(recorded.length);
  });
});

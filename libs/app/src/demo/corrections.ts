import { callers, type DemoStep } from './demo-step';

/**
 * A correction of an earlier decision: the planstrategi was registered with a transposed case number. The
 * original event stays as it was; the correction names it and gives the value before and after. FICTITIOUS.
 */
export const corrections: readonly DemoStep[] = [
  {
    on: '2025-01-15',
    caller: callers.sekretariat,
    command: (written) => ({
      type: 'CorrectEvent',
      correctedEventId: written.get('planstrategi') ?? 'planstrategi-not-written',
      changes: [{ field: 'decision.caseNumber', before: '2024/1187', after: '2024/1178' }],
      reason: 'Saksnummeret ble byttet om ved registreringen; riktig saksnummer er 2024/1178.',
    }),
  },
];

import { callers, type DemoStep } from './demo-step';

/**
 * Corrections made months after the fact. The original events stay as they were; each correction names
 * the event it corrects and gives every changed value before and after, with the reason. FICTITIOUS.
 */
export const corrections: readonly DemoStep[] = [
  // Seven months later: the planstrategi (June 2024) was registered with a transposed case number.
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
  // Four months later: the project risk of September 2024 was registered one likelihood level too low.
  {
    on: '2025-01-22',
    caller: callers.styv,
    command: (written) => ({
      type: 'CorrectEvent',
      correctedEventId: written.get('kostnad-ungdomsskole-2024') ?? 'kostnad-ungdomsskole-not-written',
      changes: [
        { field: 'likelihood', before: 3, after: 4 },
        { field: 'score', before: 12, after: 16 },
        { field: 'band', before: 'middels', after: 'hoy' },
      ],
      reason:
        'Risikovurderingen 2. september 2024 satte sannsynligheten til 4, ikke 3 (4 × 4 = 16, høy). ' +
        'Rettet i januar 2025 ved gjennomgangen av prosjektets risikoregister.',
    }),
  },
  // Four months later: the first tertial report of 2025 was registered with the wrong month.
  {
    on: '2025-10-09',
    caller: callers.styv,
    command: (written) => ({
      type: 'CorrectEvent',
      correctedEventId: written.get('okonomirapport-2025-1') ?? 'okonomirapport-2025-1-not-written',
      changes: [{ field: 'submittedOn', before: '2025-07-04', after: '2025-06-04' }],
      reason:
        'Rapporten ble levert 4. juni 2025, ikke 4. juli (feil måned ved registreringen). ' +
        'Rettet i oktober 2025 etter kontroll mot møteboka.',
    }),
  },
];

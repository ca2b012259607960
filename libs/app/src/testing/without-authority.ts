/**
 * A decision taken without authority, for the tests of each entry point: the kommunedirektør adopting a
 * styringsbrev on a section of law alone, with no delegation (`authority.delegation_required`), on an
 * empty store. `recordedWithoutAuthority` asks to record it anyway. FICTITIOUS case number.
 */
export const adoptPlanWithoutAuthority = (recordedWithoutAuthority?: unknown) => ({
  type: 'AdoptPlan',
  planId: 'styringsbrev-2025',
  kind: 'styringsbrev',
  title: 'Styringsbrev 2025',
  period: { from: '2025-01-01', to: '2025-12-31' },
  decision: {
    body: 'kommunedirektoren',
    decidedOn: '2025-01-06',
    caseNumber: '2025/0031',
    authority: { kind: 'law', reference: 'Kommuneloven § 13-1' },
    ...(recordedWithoutAuthority === undefined ? {} : { recordedWithoutAuthority }),
  },
});

/** The reason internkontroll states for recording it. */
export const withoutAuthorityReason =
  'Styringsbrevet er sendt og fulgt; internkontrollen fører vedtaket slik det ble truffet.';

/**
 * A unit established by the kommunedirektør on a section of law alone, with no delegation: a command whose
 * roles (the service's role gate) do not include STYV, so each entry point shows that STYV may still
 * record it without authority, and that another role is refused the same way. FICTITIOUS case number.
 */
export const establishUnitWithoutAuthority = (recordedWithoutAuthority?: unknown) => ({
  type: 'EstablishUnit',
  unit: 'digitalisering',
  name: 'Digitalisering',
  kind: 'stabsavdeling',
  decision: {
    body: 'kommunedirektoren',
    decidedOn: '2025-02-03',
    caseNumber: '2025/0047',
    authority: { kind: 'law', reference: 'Kommuneloven § 13-1' },
    ...(recordedWithoutAuthority === undefined ? {} : { recordedWithoutAuthority }),
  },
});

/** The kommunedirektør deciding on a section of law alone, with no delegation: `authority.delegation_required`. */
const withoutDelegation = (decidedOn: string, caseNumber: string, recordedWithoutAuthority?: unknown) => ({
  body: 'kommunedirektoren',
  decidedOn,
  caseNumber,
  authority: { kind: 'law', reference: 'Kommuneloven § 13-1' },
  ...(recordedWithoutAuthority === undefined ? {} : { recordedWithoutAuthority }),
});

/**
 * A decision taken without authority, for the tests of each entry point: the kommunedirektør adopting a
 * styringsbrev with no delegation, on an empty store. `recordedWithoutAuthority` asks to record it anyway.
 * FICTITIOUS case number.
 */
export const adoptPlanWithoutAuthority = (recordedWithoutAuthority?: unknown) => ({
  type: 'AdoptPlan',
  planId: 'styringsbrev-2025',
  kind: 'styringsbrev',
  title: 'Styringsbrev 2025',
  period: { from: '2025-01-01', to: '2025-12-31' },
  decision: withoutDelegation('2025-01-06', '2025/0031', recordedWithoutAuthority),
});

/**
 * A unit established by the kommunedirektør with no delegation: a command whose roles (the service's role
 * gate) do not include STYV, so each entry point shows that STYV may still record it without authority,
 * and that another role is refused the same way. FICTITIOUS case number.
 */
export const establishUnitWithoutAuthority = (recordedWithoutAuthority?: unknown) => ({
  type: 'EstablishUnit',
  unit: 'digitalisering',
  name: 'Digitalisering',
  kind: 'stabsavdeling',
  decision: withoutDelegation('2025-02-03', '2025/0047', recordedWithoutAuthority),
});

/** The reason internkontroll states for recording it. */
export const withoutAuthorityReason =
  'Styringsbrevet er sendt og fulgt; internkontrollen fører vedtaket slik det ble truffet.';

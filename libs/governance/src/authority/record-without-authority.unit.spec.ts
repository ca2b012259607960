import * as E from 'fp-ts/Either';
import { governanceEventSerde } from '../event-serde';
import { decodeCommand } from '../governance-command';
import { governanceDecider } from '../governance-decider';
import type { GovernanceCommand } from '../governance-command';
import type { EstablishUnit } from '../organisation/messages';
import type { PlanAdopted } from '../plans/messages';
import type { DecisionReference } from '../shared/decision-reference';
import {
  councilDecision,
  delegatedDecision,
  documentedUnits,
  planstrategiAdopted,
  recorded,
  standardContext,
} from '../testing/fixtures';

/** A virksomhetsleder establishing a unit under the kommunedirektør's delegation, which it does not hold. */
const establish = (decision: DecisionReference, unit = 'ny-enhet'): EstablishUnit => ({
  type: 'EstablishUnit',
  unit,
  name: 'Ny enhet',
  kind: 'virksomhet',
  decision,
});
const notHeld = delegatedDecision('virksomhetsleder', 'ks-kd', { unit: 'prosjektvirksomheten' });
const reason = { reason: 'Internkontrollen fant vedtaket i sak 2024/2002; det ble iverksatt.' };

// The organisation stream as the policy documents it.
const organisation = documentedUnits.reduce(governanceDecider.evolve, governanceDecider.initialState);
const decide = (command: GovernanceCommand) =>
  governanceDecider.decide(command, organisation, standardContext);
const codeOf = (result: ReturnType<typeof decide>) => (E.isLeft(result) ? result.left.code : 'accepted');

describe('recording a decision taken without authority', () => {
  it('refuses a decision without authority by default (authority.delegation_not_held)', () => {
    expect(codeOf(decide(establish(notHeld)))).toBe('authority.delegation_not_held');
  });

  it('records it with a stated reason, the event carrying the authority finding in bokmål and English', () => {
    const result = decide(establish({ ...notHeld, recordedWithoutAuthority: reason }));
    if (E.isLeft(result)) throw new Error(result.left.code);
    expect(result.right).toHaveLength(1);
    const [event] = result.right;
    expect(event).toMatchObject({
      type: 'UnitEstablished',
      decision: {
        recordedWithoutAuthority: {
          reason: reason.reason,
          finding: {
            code: 'authority.delegation_not_held',
            message: expect.stringContaining('er ikke gitt til'),
            messageEn: expect.stringContaining('was not given to'),
          },
        },
      },
    });
    // The stored form decodes again, through the serde's compiled decoders, unchanged.
    const read = governanceEventSerde.fromRecorded(recorded(event!, 1));
    expect(read).toEqual(E.right(event));
  });

  it('refuses to mark a decision that had authority (authority.not_without_authority)', () => {
    const council = councilDecision({ recordedWithoutAuthority: reason });
    expect(codeOf(decide(establish(council)))).toBe('authority.not_without_authority');
  });

  it('keeps every other rule: a unit that exists, or a council decision without a meeting, stays refused', () => {
    const existing = establish({ ...notHeld, recordedWithoutAuthority: reason }, 'teknisk-sektor');
    expect(codeOf(decide(existing))).toBe('organisation.unit_exists');
    const { meeting: _meeting, ...noMeeting } = councilDecision({ recordedWithoutAuthority: reason });
    expect(codeOf(decide(establish(noMeeting)))).toBe('decision.meeting_required');
  });

  it('keeps every rule checked after authority: a plan revision with its period reversed stays refused (date.period_unordered)', () => {
    const adopted: PlanAdopted = {
      ...planstrategiAdopted,
      planId: 'vp-teknisk-2025',
      kind: 'virksomhetsplan',
      unit: 'teknisk-sektor',
      decision: delegatedDecision('direktor', 'kd-direktor-teknisk', { unit: 'teknisk-sektor' }),
    };
    const plan = governanceDecider.evolve(governanceDecider.initialState, adopted);
    const revise = (period: { from: string; to: string }): GovernanceCommand => ({
      type: 'RevisePlan',
      planId: 'vp-teknisk-2025',
      period,
      decision: { ...notHeld, body: 'direktor', unit: 'oppvekst', recordedWithoutAuthority: reason },
    });
    const decidePlan = (command: GovernanceCommand) =>
      codeOf(governanceDecider.decide(command, plan, standardContext));
    expect(decidePlan(revise({ from: '2025-01-01', to: '2025-06-30' }))).toBe('accepted');
    expect(decidePlan(revise({ from: '2025-12-31', to: '2025-01-01' }))).toBe('date.period_unordered');
  });

  it('takes the reason from input, refusing a missing or blank reason and a finding sent in, naming the field', () => {
    const pathsOf = (recordedWithoutAuthority: unknown) => {
      const decoded = decodeCommand({
        ...establish(notHeld),
        decision: { ...notHeld, recordedWithoutAuthority },
      });
      return E.isLeft(decoded) ? decoded.left.errors.map((error) => error.path) : [];
    };
    expect(pathsOf({})).toEqual(['decision.recordedWithoutAuthority.reason']);
    expect(pathsOf({ reason: '  ' })).toEqual(['decision.recordedWithoutAuthority.reason']);
    const finding = { code: 'authority.delegation_not_held', message: 'x', messageEn: 'x' };
    expect(pathsOf({ ...reason, finding })).toEqual(['decision.recordedWithoutAuthority.finding']);
    expect(pathsOf(reason)).toEqual([]);
  });
});

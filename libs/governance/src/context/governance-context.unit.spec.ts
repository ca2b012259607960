import * as E from 'fp-ts/Either';
import { delegationsInForce } from '../authority/delegation-register';
import { recorded } from '../testing/fixtures';
import { runHistory } from '../testing/run-history';
import { sampleHistory } from '../testing/sample-history';
import { governanceContextFrom } from './governance-context';

describe('governanceContextFrom', () => {
  const log = runHistory(sampleHistory);
  const context = governanceContextFrom(log);
  const value = E.isRight(context) ? context.right : undefined;

  it('folds delegations, units, projects and risk scales from the global log', () => {
    expect(value?.delegations.get('kd-direktor-teknisk')).toMatchObject({
      from: { body: 'kommunedirektoren' },
      to: { body: 'direktor', unit: 'teknisk-sektor' },
      basis: 'ks-kd',
      revokedFrom: '2026-01-01',
    });
    expect(value?.units.get('prosjektkontoret')).toMatchObject({ dissolved: true });
    expect(value?.projects.get('gammel-idrettshall')).toMatchObject({
      portfolio: 'investering',
      closed: true,
    });
    expect(value?.riskScales.get(1)?.bands).toHaveLength(3);
  });

  it('answers which delegations were in force on a date', () => {
    const ids = (date: string) =>
      value === undefined ? [] : delegationsInForce(value.delegations, date).map((d) => d.delegationId);
    expect(ids('2019-12-31')).toEqual([]);
    expect(ids('2023-06-01')).toEqual(['ks-kd']);
    expect(ids('2025-06-01')).toEqual(['ks-kd', 'kd-direktor-teknisk']);
    expect(ids('2026-01-01')).toEqual(['ks-kd']);
  });

  it('is as of the events given: the log up to a position gives the context known then', () => {
    const upToFirstDelegation = governanceContextFrom(log.slice(0, 1));
    expect(E.isRight(upToFirstDelegation) && [...upToFirstDelegation.right.delegations.keys()]).toEqual([
      'ks-kd',
    ]);
  });

  it('skips events of other domains, and refuses a governance event that does not decode', () => {
    const foreign = {
      ...recorded({ type: 'RiskClosed', riskId: 'r', closedOn: '2024-01-01', reason: 'x' }, 99),
      type: 'SomethingElse',
    };
    // In the middle of the log, where a fold that took it for governance would change what follows.
    const middle = Math.floor(log.length / 2);
    expect(governanceContextFrom([...log.slice(0, middle), foreign, ...log.slice(middle)])).toEqual(context);
    const broken = { ...log[0]!, data: { broken: true } };
    const result = governanceContextFrom([broken]);
    expect(E.isLeft(result) && result.left).toMatchObject({
      _tag: 'UndecodableEvent',
      eventId: log[0]!.eventId,
    });
  });
});

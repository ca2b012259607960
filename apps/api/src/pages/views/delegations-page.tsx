import { authorityText, Empty, UnitName, Head } from '../components';
import { bodyName, dateNo, kroner } from '../format';
import type { BuiltPage, PageContext } from '../page-context';
import { hrefAt } from '../page-time';

/**
 * The delegation register as the read side can answer today: decisions without valid authority at the top
 * (the finding), then the delegations in force on the day of `asOf` with the decisions made under each.
 */
export const delegationsPage = async (context: PageContext): Promise<BuiltPage> => {
  const names = (await context.overview()).unitNames;
  const failures = await context.read('DecisionsWithoutAuthority');
  const inForce = await context.readOnDay('DelegationsInForce');
  const under = new Map(
    (await context.read('DecisionsUnderDelegations')).map((group) => [group.delegationId, group.decisions]),
  );
  return {
    title: 'Delegeringer',
    body: (
      <>
        <h2>Vedtak uten gyldig hjemmel</h2>
        {failures.length === 0 ? (
          <Empty>Ingen vedtak uten gyldig hjemmel.</Empty>
        ) : (
          <table>
            <caption>Vedtak der hjemmelen ikke holder ({failures.length})</caption>
            <Head columns={['Dato', 'Organ', 'Vedtak', 'Saksnr.', 'Hvorfor']} />
            <tbody>
              {failures.map((failure) => (
                <tr>
                  <td>{dateNo(failure.decision.decidedOn)}</td>
                  <td>{bodyName(failure.decision.body)}</td>
                  <td>
                    <a
                      href={hrefAt(
                        `/revisjon/vedtak/${encodeURIComponent(failure.decision.eventId)}`,
                        context.time,
                      )}
                    >
                      {failure.decision.kind}
                    </a>
                  </td>
                  <td>{failure.decision.caseNumber}</td>
                  <td class="fails">{failure.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2>Delegeringer i kraft {dateNo(context.day)}</h2>
        <p class="muted">
          Tilbakekalte og utløpte delegeringer vises når registeret over alle delegeringer er på plass.
        </p>
        {inForce.length === 0 ? <Empty>Ingen delegeringer i kraft.</Empty> : null}
        <ul class="chain">
          {inForce.map((delegation) => (
            <li>
              <h3>{delegation.delegationId}</h3>
              <dl>
                <dt>Fra → til</dt>
                <dd>
                  {bodyName(delegation.from.body)} → {bodyName(delegation.to.body)}
                  {delegation.to.unit === undefined ? null : (
                    <>
                      {' '}
                      (<UnitName slug={delegation.to.unit} names={names} />)
                    </>
                  )}
                </dd>
                <dt>Gyldig</dt>
                <dd>
                  {dateNo(delegation.validFrom)} –{' '}
                  {delegation.validTo === undefined ? '' : dateNo(delegation.validTo)}
                </dd>
                <dt>Beløpsgrense</dt>
                <dd>
                  {delegation.scope.maxAmountNok === undefined
                    ? 'Ingen'
                    : kroner(delegation.scope.maxAmountNok)}
                </dd>
                <dt>Grunnlag</dt>
                <dd>{delegation.basis ?? 'Organets egen myndighet'}</dd>
                <dt>Gitt ved</dt>
                <dd>
                  {bodyName(delegation.grantedBy.body)} {dateNo(delegation.grantedBy.decidedOn)}, sak{' '}
                  {delegation.grantedBy.caseNumber}
                  {delegation.grantedBy.meeting === undefined ? null : (
                    <>, {delegation.grantedBy.meeting}</>
                  )}{' '}
                  ({authorityText(delegation.grantedBy.authority)})
                </dd>
                <dt>Vedtak under den</dt>
                <dd>
                  <a
                    href={hrefAt('/revisjon/vedtak', context.time, { delegering: delegation.delegationId })}
                    aria-label={`${under.get(delegation.delegationId)?.length ?? 0} vedtak under ${delegation.delegationId}`}
                  >
                    {under.get(delegation.delegationId)?.length ?? 0}
                  </a>
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      </>
    ),
  };
};

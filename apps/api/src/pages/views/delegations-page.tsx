import type { QueryAnswer } from '@styring/nestjs';
import { AuthorityName, Empty, Head, HolderName, Scope } from '../components';
import { bodyName, dateNo } from '../format';
import type { BuiltPage, PageContext } from '../page-context';
import { hrefAt } from '../page-time';

type Delegation = QueryAnswer<'DelegationRegister'>[number];

/** In force, revoked, expired, not yet valid, or out of force because a link above it is. */
const statusOf = (delegation: Delegation, day: string): { text: string; className: string } => {
  if (delegation.revoked !== undefined && delegation.revoked.revokedFrom <= day)
    return { text: `Tilbakekalt fra ${dateNo(delegation.revoked.revokedFrom)}`, className: 'fails' };
  if (delegation.validTo !== undefined && delegation.validTo < day)
    return { text: `Utløpt ${dateNo(delegation.validTo)}`, className: 'late' };
  if (delegation.validFrom > day)
    return { text: `Gyldig fra ${dateNo(delegation.validFrom)}`, className: 'muted' };
  return delegation.inForce === false
    ? { text: 'Ikke i kraft: et ledd i kjeden holder ikke', className: 'fails' }
    : { text: 'I kraft', className: 'holds' };
};

const decisionHref = (eventId: string, context: PageContext) =>
  hrefAt(`/revisjon/vedtak/${encodeURIComponent(eventId)}`, context.time);

/**
 * The whole delegation register: decisions without valid authority at the top (the finding), then every
 * delegation given by the page's day – in force, expired and revoked (when, why, by which decision) – with
 * its chain up to the council's decision, the delegations given under it and the decisions made under it.
 */
export const delegationsPage = async (context: PageContext): Promise<BuiltPage> => {
  const names = (await context.overview()).unitNames;
  const failures = await context.read('DecisionsWithoutAuthority');
  const delegations = await context.readOnDay('DelegationRegister');
  const parties = new Map(delegations.map((delegation) => [delegation.delegationId, delegation]));
  const day = context.day.slice(0, 10);
  const statuses = delegations.map((delegation) => statusOf(delegation, day));
  const count = (className: string) => statuses.filter((status) => status.className === className).length;
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
                    <a href={decisionHref(failure.decision.eventId, context)}>{failure.decision.kind}</a>
                  </td>
                  <td>{failure.decision.caseNumber}</td>
                  <td class="fails">{failure.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2>Delegeringsregisteret per {dateNo(day)}</h2>
        <p>
          {delegations.length} delegeringer: {count('holds')} i kraft, {count('fails')} tilbakekalt eller uten
          gyldig kjede, {count('late')} utløpt
          {count('muted') === 0 ? '' : `, ${count('muted')} ikke trådt i kraft ennå`}.
        </p>
        {delegations.length === 0 ? <Empty>Ingen delegeringer på dette tidspunktet.</Empty> : null}
        <ul class="chain">
          {delegations.map((delegation, index) => (
            <li
              class={statuses[index]?.className === 'fails' ? 'failed' : ''}
              id={`delegering-${delegation.delegationId}`}
            >
              <h3>{delegation.delegationId}</h3>
              <p class={statuses[index]?.className}>{statuses[index]?.text}</p>
              <dl>
                <dt>Fra → til</dt>
                <dd>
                  <HolderName holder={delegation.from} names={names} /> →{' '}
                  <HolderName holder={delegation.to} names={names} />
                </dd>
                <dt>Gyldig</dt>
                <dd>
                  {dateNo(delegation.validFrom)} –{' '}
                  {delegation.validTo === undefined ? '' : dateNo(delegation.validTo)}
                </dd>
                <Scope scope={delegation.scope} />
                <dt>Gitt ved</dt>
                <dd>
                  {bodyName(delegation.grantedBy.decision.body)}{' '}
                  {dateNo(delegation.grantedBy.decision.decidedOn)}, sak{' '}
                  {delegation.grantedBy.decision.caseNumber}
                  {delegation.grantedBy.decision.meeting === undefined ? null : (
                    <>, {delegation.grantedBy.decision.meeting}</>
                  )}{' '}
                  (
                  <AuthorityName
                    authority={delegation.grantedBy.decision.authority}
                    parties={parties}
                    names={names}
                  />
                  )
                  {delegation.grantedBy.correctedAt === undefined ? null : (
                    <span class="late"> Korrigert</span>
                  )}
                </dd>
                {delegation.revoked === undefined ? null : (
                  <>
                    <dt>Tilbakekalt</dt>
                    <dd class="revoked">
                      Fra {dateNo(delegation.revoked.revokedFrom)}: {delegation.revoked.reason} Vedtak:{' '}
                      {bodyName(delegation.revoked.decision.body)}{' '}
                      {dateNo(delegation.revoked.decision.decidedOn)}, sak{' '}
                      {delegation.revoked.decision.caseNumber} (
                      <AuthorityName
                        authority={delegation.revoked.decision.authority}
                        parties={parties}
                        names={names}
                      />
                      )
                    </dd>
                  </>
                )}
                <dt>Kjeden</dt>
                <dd>
                  <ol class="links">
                    {delegation.chain.map((link) => (
                      <li>
                        {link.delegationId}: <HolderName holder={link.from} names={names} /> →{' '}
                        <HolderName holder={link.to} names={names} />, gitt {dateNo(link.grantedBy.decidedOn)}{' '}
                        (sak {link.grantedBy.caseNumber},{' '}
                        <AuthorityName authority={link.grantedBy.authority} parties={parties} names={names} />
                        )
                      </li>
                    ))}
                  </ol>
                  {delegation.chainComplete ? null : (
                    <span class="fails">✘ Kjeden er ikke komplett: et ledd mangler.</span>
                  )}
                </dd>
                {delegation.subDelegations.length === 0 ? null : (
                  <>
                    <dt>Delegert videre</dt>
                    <dd>
                      {delegation.subDelegations.map((id, position) => (
                        <>
                          {position === 0 ? '' : ', '}
                          <a href={`#delegering-${id}`}>{id}</a>
                        </>
                      ))}
                    </dd>
                  </>
                )}
                <dt>Vedtak under den</dt>
                <dd>
                  {delegation.decisions.length === 0 ? (
                    'Ingen'
                  ) : (
                    <details>
                      <summary>
                        {delegation.decisions.length} vedtak under {delegation.delegationId}
                      </summary>
                      <ul>
                        {delegation.decisions.map((decision) => (
                          <li>
                            {dateNo(decision.decidedOn)} {bodyName(decision.body)}:{' '}
                            <a href={decisionHref(decision.eventId, context)}>{decision.kind}</a> (sak{' '}
                            {decision.caseNumber})
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}{' '}
                  <a href={hrefAt('/revisjon/vedtak', context.time, { delegering: delegation.delegationId })}>
                    Vis i vedtaksloggen
                  </a>
                </dd>
              </dl>
              <p>
                <a
                  href={hrefAt(
                    `/revisjon/delegeringer/${encodeURIComponent(delegation.delegationId)}/tidslinje`,
                    context.time,
                  )}
                >
                  Tidslinje for {delegation.delegationId}
                </a>
              </p>
            </li>
          ))}
        </ul>
      </>
    ),
  };
};

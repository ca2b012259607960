import { CorrectionsTable, DecisionFacts, Empty, HolderName, Scope, Verdict } from '../components';
import { dateNo } from '../format';
import type { BuiltPage, PageContext } from '../page-context';
import { hrefAt } from '../page-time';

/**
 * The hjemmelskjede of one decision: the decision, the delegation it relied on (in force that day?), the
 * delegations that one rests on, the council decision that gave the first, and the law; each link holds or
 * fails, and corrections of the decision are shown with their values before and after.
 */
export const decisionPage = async (context: PageContext, eventId: string): Promise<BuiltPage | undefined> => {
  const decision = (await context.read('DecisionLog')).find((row) => row.eventId === eventId);
  if (decision === undefined) return undefined;
  const names = (await context.overview()).unitNames;
  const corrections = await context.read('ChangeLog', { correctedEventId: eventId });
  const failure = (
    await context.read('DecisionsWithoutAuthority', { from: decision.decidedOn, to: decision.decidedOn })
  ).find((candidate) => candidate.decision.eventId === eventId);
  // In force on the decision's own day, as known at the page's knownAt.
  const inForce = await context.read('DelegationsInForce', { asOf: decision.decidedOn, clock: 'effective' });
  const byId = new Map(inForce.map((delegation) => [delegation.delegationId, delegation]));
  const chain: (typeof inForce)[number][] = [];
  let missing: string | undefined;
  for (
    let id = decision.authority.kind === 'delegation' ? decision.authority.delegationId : undefined;
    id !== undefined;
  ) {
    const link = byId.get(id);
    if (link === undefined || chain.includes(link)) {
      missing = id;
      break;
    }
    chain.push(link);
    id = link.basis;
  }
  const origin = chain.at(-1)?.grantedBy;
  const law = decision.authority.kind === 'law' ? decision.authority : origin?.authority;
  return {
    title: `Hjemmelskjede: ${decision.summary}`,
    body: (
      <>
        <p>
          <a href={hrefAt('/revisjon/vedtak', context.time)}>Tilbake til vedtaksloggen</a>
        </p>
        <ol class="chain">
          <li class={failure === undefined ? '' : 'failed'}>
            <h2>Vedtaket</h2>
            <p>
              {decision.kind}: {decision.summary}
            </p>
            <DecisionFacts decision={decision} names={names} parties={byId} />
            <p>
              Innenfor hjemmelen (omfang, beløpsgrense, i kraft):{' '}
              <Verdict holds={failure === undefined}>{failure?.message}</Verdict>
            </p>
            {corrections.length === 0 ? null : (
              <div class="correction">
                <h3>Korrigert</h3>
                <CorrectionsTable caption="Korrigeringer av vedtaket" corrections={corrections} />
              </div>
            )}
          </li>
          {chain.map((delegation) => (
            <li>
              <h2>
                Delegering fra <HolderName holder={delegation.from} names={names} /> til{' '}
                <HolderName holder={delegation.to} names={names} />
              </h2>
              <p>Delegerings-ID: {delegation.delegationId}</p>
              <dl>
                <dt>Fra</dt>
                <dd>
                  <HolderName holder={delegation.from} names={names} />
                </dd>
                <dt>Til</dt>
                <dd>
                  <HolderName holder={delegation.to} names={names} />
                </dd>
                <Scope scope={delegation.scope} />
                <dt>Gyldig</dt>
                <dd>
                  {dateNo(delegation.validFrom)} –{' '}
                  {delegation.validTo === undefined ? '' : dateNo(delegation.validTo)}
                </dd>
              </dl>
              <p>
                I kraft på vedtaksdagen {dateNo(decision.decidedOn)}: <Verdict holds={true} />
              </p>
              <h3>Gitt ved vedtak</h3>
              <DecisionFacts decision={delegation.grantedBy} names={names} parties={byId} />
            </li>
          ))}
          {missing === undefined ? null : (
            <li class="failed">
              <h2>Delegering {missing}</h2>
              <p>
                I kraft på vedtaksdagen {dateNo(decision.decidedOn)}:{' '}
                <Verdict holds={false}>
                  ikke i kraft (tilbakekalt, utløpt, ikke gitt ennå eller uten gyldig grunnlag)
                </Verdict>
              </p>
            </li>
          )}
          {missing !== undefined ? null : law?.kind === 'law' ? (
            <li>
              <h2>Lovhjemmel</h2>
              <p>
                {law.reference}: <Verdict holds={true} />
              </p>
            </li>
          ) : (
            <li class="failed">
              <h2>Lovhjemmel</h2>
              <Empty>Kjeden ender ikke i et organ med lovhjemmel.</Empty>
            </li>
          )}
        </ol>
      </>
    ),
  };
};

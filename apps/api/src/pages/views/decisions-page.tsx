import { AuthorityName, Empty, Head } from '../components';
import { bodyName, dateNo } from '../format';
import type { BuiltPage, PageContext } from '../page-context';
import { hrefAt } from '../page-time';

/** The decision log (or the decisions made under one delegation), each linking to its chain of authority. */
export const decisionsPage = async (context: PageContext, delegationId?: string): Promise<BuiltPage> => {
  const decisions = await context.read('DecisionLog', delegationId === undefined ? {} : { delegationId });
  const names = (await context.overview()).unitNames;
  const parties = new Map(
    (await context.read('DelegationRegister')).map((delegation) => [delegation.delegationId, delegation]),
  );
  const withoutAuthority = new Set(
    (await context.read('DecisionsWithoutAuthority')).map((failure) => failure.decision.eventId),
  );
  return {
    title: delegationId === undefined ? 'Vedtak' : `Vedtak under ${delegationId}`,
    ...(delegationId === undefined ? {} : { keep: { delegering: delegationId } }),
    body:
      decisions.length === 0 ? (
        <Empty>Ingen vedtak på dette tidspunktet.</Empty>
      ) : (
        <table>
          <caption>
            Vedtaksloggen ({decisions.length} vedtak). Velg et vedtak for å se hjemmelskjeden.
          </caption>
          <Head columns={['Dato', 'Organ', 'Type', 'Vedtak', 'Saksnr.', 'Hjemmel', 'Merknad']} />
          <tbody>
            {decisions.map((decision) => (
              <tr>
                <td>{dateNo(decision.decidedOn)}</td>
                <td>{bodyName(decision.body)}</td>
                <td>{decision.kind}</td>
                <td>
                  <a href={hrefAt(`/revisjon/vedtak/${encodeURIComponent(decision.eventId)}`, context.time)}>
                    {decision.summary}
                  </a>
                </td>
                <td>{decision.caseNumber}</td>
                <td>
                  <AuthorityName authority={decision.authority} parties={parties} names={names} />
                </td>
                <td>
                  {withoutAuthority.has(decision.eventId) ? (
                    <span class="fails">Uten gyldig hjemmel</span>
                  ) : null}
                  {decision.correctedAt === undefined ? null : (
                    <span class="late"> Korrigert {dateNo(decision.correctedAt)}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ),
  };
};

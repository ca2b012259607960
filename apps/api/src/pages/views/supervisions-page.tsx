import { Empty, UnitName } from '../components';
import { dateNo, findingKindName, supervisoryAuthorityName } from '../format';
import type { BuiltPage, PageContext } from '../page-context';

/**
 * Statlige tilsyn (kommuneloven kap. 30): who supervised which unit on what, when, the findings (avvik and
 * merknader with their legal reference) and how each tilsyn was closed.
 */
export const supervisionsPage = async (context: PageContext): Promise<BuiltPage> => {
  const names = (await context.overview()).unitNames;
  const supervisions = await context.read('Supervisions');
  return {
    title: 'Statlige tilsyn',
    body: (
      <>
        {supervisions.length === 0 ? <Empty>Ingen tilsyn på dette tidspunktet.</Empty> : null}
        <ul class="chain">
          {supervisions.map((supervision) => (
            <li>
              <h2>
                {supervisoryAuthorityName(supervision.supervisoryAuthority)}:{' '}
                <UnitName slug={supervision.unit} names={names} />
              </h2>
              <dl>
                <dt>Tema</dt>
                <dd>{supervision.subject}</dd>
                <dt>Åpnet</dt>
                <dd>
                  {dateNo(supervision.openedOn)}
                  {supervision.documentReference === undefined ? '' : ` (${supervision.documentReference})`}
                </dd>
                <dt>Hjemmel</dt>
                <dd>{supervision.legalBasis ?? '–'}</dd>
                <dt>Status</dt>
                <dd>
                  {supervision.closed === undefined ? (
                    <span class="late">Åpent</span>
                  ) : (
                    <>
                      <span class="holds">Lukket {dateNo(supervision.closed.closedOn)}</span>
                      {supervision.closed.documentReference === undefined
                        ? ''
                        : ` (${supervision.closed.documentReference})`}
                      : {supervision.closed.conclusion}
                    </>
                  )}
                </dd>
              </dl>
              <h3>Funn ({supervision.findings.length})</h3>
              {supervision.findings.length === 0 ? (
                <Empty>Ingen funn registrert.</Empty>
              ) : (
                <ul>
                  {supervision.findings.map((finding) => (
                    <li>
                      <strong class={finding.kind === 'avvik' ? 'fails' : undefined}>
                        {findingKindName(finding.kind)}
                      </strong>{' '}
                      {dateNo(finding.recordedOn)}: {finding.description}
                      {finding.legalReference === undefined ? null : (
                        <span class="muted"> ({finding.legalReference})</span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </>
    ),
  };
};

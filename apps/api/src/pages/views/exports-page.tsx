import { Empty, Verdict, Head } from '../components';
import type { ExportStatus } from '../export-status';
import { timeNo } from '../format';
import type { BuiltPage } from '../page-context';

const fileHref = (id: string, file: string) =>
  `/revisjon/eksporter/${encodeURIComponent(id)}/filer/${file.split('/').map(encodeURIComponent).join('/')}`;

/** What an auditor quotes in a letter about one export: when, whether it verifies, its root and key. */
export const ExportFacts = (props: { status: ExportStatus }) => (
  <dl class="facts">
    <dt>Laget</dt>
    <dd>{timeNo(props.status.manifest.created)}</dd>
    <dt>Verifisering</dt>
    <dd>
      <Verdict holds={props.status.valid}>
        {props.status.valid ? 'gyldig (signatur, filer, hashkjede, Merkle-tre)' : props.status.problem}
      </Verdict>
    </dd>
    <dt>Hendelser / vedtak / korrigeringer</dt>
    <dd>
      {props.status.manifest.eventCount} / {props.status.manifest.decisionCount} /{' '}
      {props.status.manifest.changeCount}
    </dd>
    <dt>Merkle-rot</dt>
    <dd>
      <code>{props.status.manifest.merkleRoot}</code>
    </dd>
    <dt>Nøkkelens fingeravtrykk</dt>
    <dd>
      <code>{props.status.publicKeyFingerprint}</code>
    </dd>
    <dt>Forrige eksport</dt>
    <dd>
      {props.status.manifest.previous === null ? 'Ingen' : timeNo(props.status.manifest.previous.created)}
    </dd>
  </dl>
);

/**
 * The signed exports, newest first: each with its verification result (against the service's key and the
 * export before it), the Merkle root and key fingerprint to quote in a letter, and its files to download.
 */
export const exportsPage = (statuses: readonly ExportStatus[] | 'no-access'): BuiltPage => ({
  title: 'Eksporter',
  body:
    statuses === 'no-access' ? (
      <Empty>Eksportene vises for rollene revisor og STYV.</Empty>
    ) : statuses.length === 0 ? (
      <Empty>Ingen eksport er laget ennå (POST /api/exports, eller styring export).</Empty>
    ) : (
      <>
        {statuses.map((status) => (
          <section aria-labelledby={`eksport-${status.id}`}>
            <h2 id={`eksport-${status.id}`}>Eksport {status.id}</h2>
            <ExportFacts status={status} />
            <p>
              <a href={`/revisjon/eksporter/${encodeURIComponent(status.id)}/zip`} download>
                Last ned hele eksport {status.id} som zip
              </a>
            </p>
            <table>
              <caption>Filene i eksport {status.id}</caption>
              <Head columns={['Fil', { numeric: 'Byte' }]} />
              <tbody>
                {status.files.map((file) => (
                  <tr>
                    <td>
                      <a href={fileHref(status.id, file.path)} download={file.path}>
                        {file.path}
                      </a>
                    </td>
                    <td class="num">{file.size}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </>
    ),
});

import { Empty, Verdict } from '../components';
import type { ExportStatus } from '../export-status';
import { timeNo } from '../format';
import type { BuiltPage } from '../page-context';

const fileHref = (id: string, file: string) =>
  `/revisjon/eksporter/${encodeURIComponent(id)}/filer/${file.split('/').map(encodeURIComponent).join('/')}`;

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
            <dl class="facts">
              <dt>Laget</dt>
              <dd>{timeNo(status.manifest.created)}</dd>
              <dt>Verifisering</dt>
              <dd>
                <Verdict holds={status.valid}>
                  {status.valid ? 'gyldig (signatur, filer, hashkjede, Merkle-tre)' : status.problem}
                </Verdict>
              </dd>
              <dt>Hendelser / vedtak / korrigeringer</dt>
              <dd>
                {status.manifest.eventCount} / {status.manifest.decisionCount} / {status.manifest.changeCount}
              </dd>
              <dt>Merkle-rot</dt>
              <dd>
                <code>{status.manifest.merkleRoot}</code>
              </dd>
              <dt>Nøkkelens fingeravtrykk</dt>
              <dd>
                <code>{status.publicKeyFingerprint}</code>
              </dd>
              <dt>Forrige eksport</dt>
              <dd>
                {status.manifest.previous === null ? 'Ingen' : timeNo(status.manifest.previous.created)}
              </dd>
            </dl>
            <table>
              <caption>Filene i eksport {status.id}</caption>
              <thead>
                <tr>
                  <th scope="col">Fil</th>
                  <th scope="col" class="num">
                    Byte
                  </th>
                </tr>
              </thead>
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

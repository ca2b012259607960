import { periodOf } from '../history-overview';
import { menu } from '../layout';
import { Empty, Head } from '../components';
import { ExportFacts } from './exports-page';
import { dateNo, timeNo } from '../format';
import type { ExportStatus } from '../export-status';
import type { BuiltPage, PageContext } from '../page-context';
import { hrefAt } from '../page-time';
import { registerCounts } from './register-counts';

/** What each page answers, for the start page's list of links. */
const purposes: Readonly<Record<string, string>> = {
  '/revisjon/vedtak': 'Vedtaksloggen, og hjemmelskjeden for hvert vedtak',
  '/revisjon/delegeringer':
    'Alle delegeringer, også tilbakekalte, med kjede og vedtak; vedtak uten gyldig hjemmel',
  '/revisjon/arshjul': 'Rapporteringsplikter måned for måned: levert i tide, for sent eller mangler',
  '/revisjon/risiko': 'Risikomatrisen etter vedtatt skala, med risikoene i hver celle',
  '/revisjon/internkontroll': 'Avvik (åpne og lukkede, tid til lukking) og gjennomførte sjekklister',
  '/revisjon/anskaffelser':
    'Anskaffelser og kontrakter: terskel, tildeling mot delegeringens grense, oppfølging',
  '/revisjon/selskaper': 'Eide selskaper og eierskapsmeldinger',
  '/revisjon/tilsyn': 'Statlige tilsyn med funn og lukking',
  '/revisjon/endringer': 'Hva som ble registrert mellom to besøk: nye vedtak, korrigeringer, statusendringer',
  '/revisjon/planer': 'Planregisteret med periode, status og versjoner',
  '/revisjon/prosjekter': 'Prosjektene med status og helse, og hvert prosjekts mappe og tidslinje',
  '/revisjon/eksporter': 'Signerte revisjonseksporter: nedlasting, verifisering, Merkle-rot og fingeravtrykk',
};

/**
 * The start page: what the history holds (each register counted by its own query at the page's time, the
 * period its decisions cover), the latest export and whether it verifies, and a link to every page.
 */
export const startPage = async (
  context: PageContext,
  latestExport: ExportStatus | 'no-access' | undefined,
): Promise<BuiltPage> => {
  const decisions = await context.read('DecisionLog');
  const period = periodOf(decisions);
  const counts = await registerCounts(context, decisions);
  return {
    title: 'Oversikt',
    body: (
      <>
        <h2>Sidene</h2>
        <ul class="cards">
          {menu
            .filter((item) => item.path !== '/revisjon')
            .map((item) => (
              <li>
                <a href={hrefAt(item.path, context.time)}>{item.label}</a>
                <div class="muted">{purposes[item.path]}</div>
              </li>
            ))}
        </ul>
        <h2>Historikken</h2>
        <dl class="facts">
          <dt>Vedtakene gjelder perioden</dt>
          <dd>
            {period.effective === undefined
              ? '–'
              : `${dateNo(period.effective.first)} – ${dateNo(period.effective.last)}`}
          </dd>
          <dt>Vedtakene ble registrert</dt>
          <dd>
            {period.recorded === undefined
              ? '–'
              : `${timeNo(period.recorded.first)} – ${timeNo(period.recorded.last)}`}
          </dd>
        </dl>
        <table id="registrene">
          <caption>Registrene per {dateNo(context.day)}</caption>
          <Head columns={['Register', 'Innhold']} />
          <tbody>
            {counts.map((row) => (
              <tr>
                <td>
                  {row.path === undefined ? (
                    row.name
                  ) : (
                    <a href={hrefAt(row.path, context.time)}>{row.name}</a>
                  )}
                </td>
                <td>{row.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>Siste eksport</h2>
        {latestExport === 'no-access' ? (
          <Empty>Eksportene vises for rollene revisor og STYV.</Empty>
        ) : latestExport === undefined ? (
          <Empty>Ingen eksport er laget ennå.</Empty>
        ) : (
          <>
            <p>
              <a href={hrefAt('/revisjon/eksporter', context.time)}>Eksport {latestExport.id}</a>
            </p>
            <ExportFacts status={latestExport} />
          </>
        )}
      </>
    ),
  };
};

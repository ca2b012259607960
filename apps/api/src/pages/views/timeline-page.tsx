import { streamCategories } from '@styring/governance';
import { Head, Chart } from '../components';
import { bodyName, dateNo, timeNo } from '../format';
import type { BuiltPage, PageContext } from '../page-context';
import { hrefAt } from '../page-time';

const width = 900;
const left = 150;
const rowHeight = 34;

/**
 * The timeline of one plan, as SVG and as a table: each version's period in force as a bar on the effective
 * axis, a diamond where the system recorded it, and a flag on a version that was corrected afterwards.
 */
export const planTimelinePage = async (
  context: PageContext,
  planId: string,
): Promise<BuiltPage | undefined> => {
  const versions = await context.read('PlanVersions', { planId });
  if (versions.length === 0) return undefined;
  const recordedAt = new Map<string, string>();
  for await (const event of context.store.events.readStream(`${streamCategories.plan}-${planId}`))
    recordedAt.set(event.eventId, event.recordedAt);
  const corrected = new Set((await context.read('ChangeLog')).map((change) => change.correctedEventId));
  const times = versions.flatMap((version) => [
    Date.parse(version.period.from),
    Date.parse(version.period.to),
    Date.parse(version.decidedBy.decidedOn),
    Date.parse(recordedAt.get(version.eventId) ?? version.period.from),
  ]);
  const start = new Date(Math.min(...times)).getUTCFullYear();
  const end = new Date(Math.max(...times)).getUTCFullYear() + 1;
  const x = (time: string) =>
    left +
    ((Date.parse(time) - Date.UTC(start, 0, 1)) / (Date.UTC(end, 0, 1) - Date.UTC(start, 0, 1))) *
      (width - left - 40);
  const height = versions.length * rowHeight + 40;
  const title = versions.at(-1)?.title ?? planId;
  return {
    title: `Tidslinje: ${title}`,
    body: (
      <>
        <p>
          <a href={hrefAt('/revisjon/planer', context.time)}>Tilbake til planene</a>
        </p>
        <Chart
          class="timeline"
          viewBox={`0 0 ${width} ${height}`}
          titleId="tidslinje-tittel"
          title={
            <>
              Tidslinje for {title}: én linje per versjon; stolpen er perioden planen gjelder for, ruten er
              når versjonen ble registrert, K markerer en versjon som er korrigert senere. Tabellen under
              viser det samme.
            </>
          }
        >
          {Array.from({ length: end - start + 1 }, (_, index) => {
            const at = x(`${start + index}-01-01`);
            return (
              <g>
                <line x1={at} y1={0} x2={at} y2={height - 24} stroke="#b8b8b8" />
                <text x={at} y={height - 8} text-anchor="middle" font-size="13">
                  {start + index}
                </text>
              </g>
            );
          })}
          {versions.map((version, index) => {
            const y = index * rowHeight + 8;
            const recorded = recordedAt.get(version.eventId);
            return (
              <g>
                <text x={4} y={y + 17} font-size="13">
                  Versjon {version.version}
                </text>
                <rect
                  x={x(version.period.from)}
                  y={y + 4}
                  width={Math.max(2, x(version.period.to) - x(version.period.from))}
                  height={18}
                  fill={version.status === 'opphevet' ? '#d9d9d9' : '#9cc3e6'}
                  stroke="#1b1b1b"
                />
                {recorded === undefined ? null : (
                  <path d={`M${x(recorded)},${y} l7,13 l-7,13 l-7,-13 z`} fill="#0b2f52" stroke="#ffffff" />
                )}
                {corrected.has(version.eventId) ? (
                  <text
                    x={x(version.period.to) + 6}
                    y={y + 18}
                    font-size="14"
                    font-weight="700"
                    fill="#a4161a"
                  >
                    K
                  </text>
                ) : null}
              </g>
            );
          })}
        </Chart>
        <table>
          <caption>Versjonene av planen</caption>
          <Head columns={['Versjon', 'Gjelder for', 'Vedtatt', 'Registrert', 'Status', 'Korrigert']} />
          <tbody>
            {versions.map((version) => (
              <tr>
                <td class="num">{version.version}</td>
                <td>
                  {dateNo(version.period.from)}–{dateNo(version.period.to)}
                </td>
                <td>
                  {bodyName(version.decidedBy.body)} {dateNo(version.decidedBy.decidedOn)} (
                  {version.decidedBy.caseNumber})
                </td>
                <td>{timeNo(recordedAt.get(version.eventId))}</td>
                <td>{version.status === 'opphevet' ? 'Opphevet' : 'Vedtatt'}</td>
                <td>{corrected.has(version.eventId) ? <span class="late">Ja</span> : 'Nei'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    ),
  };
};

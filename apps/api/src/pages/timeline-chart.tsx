import type { ComponentChildren } from 'preact';
import { Chart, Head } from './components';
import { dateNo, timeNo } from './format';

/**
 * One line of a timeline: a bar over the period it was in force (effective time) – or a dot for a single
 * day – a diamond where the system recorded it, and a K where a correction changed it afterwards.
 */
export interface TimelineRow {
  readonly label: string;
  readonly from: string;
  /** The end of the bar; absent: a dot on `from`. */
  readonly to?: string;
  readonly recordedAt?: string;
  readonly corrected?: boolean;
  /** The bar's fill (light, so the black outline and the markers stay visible). */
  readonly fill?: string;
}

const width = 900;
const left = 190;
const rowHeight = 34;

/** The timeline as inline SVG on a years axis wide enough for every bar and marker. */
export const TimelineChart = (props: {
  rows: readonly TimelineRow[];
  titleId: string;
  title: ComponentChildren;
}) => {
  const times = props.rows.flatMap((row) =>
    [row.from, row.to, row.recordedAt]
      .filter((time): time is string => time !== undefined)
      .map(Date.parse)
      .filter((time) => !Number.isNaN(time)),
  );
  const start = new Date(Math.min(...times)).getUTCFullYear();
  const end = new Date(Math.max(...times)).getUTCFullYear() + 1;
  const x = (time: string) =>
    left +
    ((Date.parse(time) - Date.UTC(start, 0, 1)) / (Date.UTC(end, 0, 1) - Date.UTC(start, 0, 1))) *
      (width - left - 40);
  const height = props.rows.length * rowHeight + 40;
  return (
    <Chart class="timeline" viewBox={`0 0 ${width} ${height}`} titleId={props.titleId} title={props.title}>
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
      {props.rows.map((row, index) => {
        const y = index * rowHeight + 8;
        const endsAt = row.to === undefined ? x(row.from) : x(row.to);
        return (
          <g>
            <text x={4} y={y + 17} font-size="13">
              {row.label.length > 26 ? `${row.label.slice(0, 25)}…` : row.label}
            </text>
            {row.to === undefined ? (
              <circle cx={x(row.from)} cy={y + 13} r={6} fill={row.fill ?? '#9cc3e6'} stroke="#1b1b1b" />
            ) : (
              <rect
                x={x(row.from)}
                y={y + 4}
                width={Math.max(2, x(row.to) - x(row.from))}
                height={18}
                fill={row.fill ?? '#9cc3e6'}
                stroke="#1b1b1b"
              />
            )}
            {row.recordedAt === undefined ? null : (
              <path d={`M${x(row.recordedAt)},${y} l7,13 l-7,13 l-7,-13 z`} fill="#0b2f52" stroke="#ffffff" />
            )}
            {row.corrected === true ? (
              <text x={endsAt + 8} y={y + 18} font-size="14" font-weight="700" fill="#a4161a">
                K
              </text>
            ) : null}
          </g>
        );
      })}
    </Chart>
  );
};

/** The words every timeline's title ends with: what the shapes mean. */
export const timelineLegend =
  'stolpen er perioden det gjaldt for (en prikk er én dag), ruten er når systemet registrerte det, K markerer det som er korrigert senere. Tabellen under viser det samme.';

/** Light fills by risk band and by project health (the words in the table carry the meaning). */
export const bandFill: Readonly<Record<string, string>> = {
  lav: '#b7e1c1',
  gronn: '#b7e1c1',
  middels: '#ffe08a',
  gul: '#ffe08a',
  hoy: '#f4a6a6',
  rod: '#f4a6a6',
};

/** The timeline's rows as a table, for those who do not see the chart and for print. */
export const TimelineTable = (props: { caption: string; rows: readonly TimelineRow[] }) => (
  <table>
    <caption>{props.caption}</caption>
    <Head columns={['Hva', 'Gjelder', 'Registrert', 'Korrigert']} />
    <tbody>
      {props.rows.map((row) => (
        <tr>
          <td>{row.label}</td>
          <td>{row.to === undefined ? dateNo(row.from) : `${dateNo(row.from)}–${dateNo(row.to)}`}</td>
          <td>{timeNo(row.recordedAt)}</td>
          <td>{row.corrected === true ? <span class="late">Ja</span> : 'Nei'}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

import { bandFor, riskBandLabels, type RiskScale } from '@styring/governance';
import { InvalidQuery, type RiskAssessment, type RiskEntry } from '@styring/projections';
import { Empty, UnitName, Head, Chart } from '../components';
import { dateNo, riskBandName } from '../format';
import type { BuiltPage, PageContext } from '../page-context';
import { hrefAt, queryValues } from '../page-time';

/** Light band colours, so the dark figures on them keep AA contrast; the band is also written out. */
const bandFill: Readonly<Record<string, string>> = { lav: '#cdeccd', middels: '#fff0a3', hoy: '#f7b9b3' };
const cellSize = 72;
const margin = 56;

const cellId = (likelihood: number, consequence: number) => `celle-${likelihood}-${consequence}`;

/**
 * The scale's grid as inline SVG: each cell coloured by its band, with the number of risks in it, and an
 * arrow from where a risk sat at its previous assessment to where it sits now.
 */
const Matrix = (props: {
  scale: RiskScale;
  risks: readonly RiskEntry[];
  previous: ReadonlyMap<string, RiskAssessment>;
}) => {
  const { likelihoodLevels: rows, consequenceLevels: columns } = props.scale;
  const width = margin + columns * cellSize + 8;
  const height = rows * cellSize + margin;
  const cells = [];
  for (let likelihood = rows; likelihood >= 1; likelihood--) {
    for (let consequence = 1; consequence <= columns; consequence++) {
      const band = bandFor(props.scale, likelihood * consequence) ?? 'hoy';
      const count = props.risks.filter(
        (risk) => risk.current.likelihood === likelihood && risk.current.consequence === consequence,
      ).length;
      const x = margin + (consequence - 1) * cellSize;
      const y = (rows - likelihood) * cellSize;
      cells.push(
        <g>
          <rect x={x} y={y} width={cellSize} height={cellSize} fill={bandFill[band]} stroke="#1b1b1b" />
          {count === 0 ? null : (
            <text
              x={x + cellSize / 2}
              y={y + cellSize / 2 + 6}
              text-anchor="middle"
              font-weight="700"
              font-size="20"
            >
              {count}
            </text>
          )}
        </g>,
      );
    }
  }
  const centre = (likelihood: number, consequence: number) => ({
    x: margin + (consequence - 0.5) * cellSize,
    y: (rows - likelihood + 0.5) * cellSize,
  });
  const arrows = props.risks.flatMap((risk) => {
    const before = props.previous.get(risk.riskId);
    if (
      before === undefined ||
      (before.likelihood === risk.current.likelihood && before.consequence === risk.current.consequence)
    )
      return [];
    const from = centre(before.likelihood, before.consequence);
    const to = centre(risk.current.likelihood, risk.current.consequence);
    // Stop short of the centre, so the arrowhead does not cover the count.
    const length = Math.hypot(to.x - from.x, to.y - from.y);
    const shorten = Math.min(18, length / 3) / length;
    return [
      <line
        x1={from.x}
        y1={from.y}
        x2={to.x - (to.x - from.x) * shorten}
        y2={to.y - (to.y - from.y) * shorten}
        stroke="#1b1b1b"
        stroke-width="2"
        stroke-dasharray="5 3"
        marker-end="url(#pil)"
      />,
    ];
  });
  return (
    <Chart
      class="matrix"
      viewBox={`0 0 ${width} ${height}`}
      titleId="matrise-tittel"
      title={
        <>
          Risikomatrise: sannsynlighet loddrett (1–{rows}), konsekvens vannrett (1–{columns}); tallet i en
          celle er antall åpne risikoer der. Stiplede piler går fra forrige vurdering til den gjeldende.
        </>
      }
    >
      <defs>
        <marker id="pil" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" fill="#1b1b1b" />
        </marker>
      </defs>
      {cells}
      {arrows}
      {Array.from({ length: rows }, (_, index) => (
        <text x={margin - 12} y={(rows - index - 1) * cellSize + cellSize / 2 + 5} text-anchor="end">
          {index + 1}
        </text>
      ))}
      {Array.from({ length: columns }, (_, index) => (
        <text x={margin + index * cellSize + cellSize / 2} y={rows * cellSize + 20} text-anchor="middle">
          {index + 1}
        </text>
      ))}
      <text x={margin + (columns * cellSize) / 2} y={rows * cellSize + 44} text-anchor="middle">
        Konsekvens
      </text>
      <text
        x={14}
        y={(rows * cellSize) / 2}
        text-anchor="middle"
        transform={`rotate(-90 14 ${(rows * cellSize) / 2})`}
      >
        Sannsynlighet
      </text>
    </Chart>
  );
};

/** The matrix's filters, as the API names them; each absent means all. */
export interface RiskFilters {
  readonly context?: string;
  readonly ownerUnit?: string;
  readonly band?: string;
}

/** The filters from the query string; a band the scale does not know is an error naming the known ones. */
export const riskFiltersOf = (query: Record<string, unknown>): RiskFilters => {
  const filters = queryValues(query, { context: 'context', ownerUnit: 'ownerUnit', band: 'band' });
  if (filters.band !== undefined && !(filters.band in riskBandLabels))
    throw new InvalidQuery(
      'band',
      `'${filters.band}' er ikke et bånd (kjente: ${Object.keys(riskBandLabels).join(', ')})`,
    );
  return filters;
};

/** One filter as a select; the first choice is «all». */
const Choice = (props: {
  name: string;
  label: string;
  value: string | undefined;
  options: readonly (readonly [string, string])[];
}) => (
  <div>
    <label for={`filter-${props.name}`}>{props.label}</label>
    <select id={`filter-${props.name}`} name={props.name}>
      <option value="">Alle</option>
      {props.options.map(([value, text]) => (
        <option value={value} selected={value === props.value}>
          {text}
        </option>
      ))}
    </select>
  </div>
);

/**
 * The risk matrix on the adopted scale: the grid coloured by the scale's bands with arrows from each risk's
 * previous assessment, each occupied cell listing its risks with treatment and next review (overdue ones
 * marked), filtered by context, owner and band.
 */
export const riskPage = async (context: PageContext, filters: RiskFilters): Promise<BuiltPage> => {
  const overview = await context.overview();
  const everyRisk = await context.read('RiskRegister');
  const risks = (
    await context.read('RiskRegister', {
      ...(filters.context === undefined ? {} : { context: filters.context }),
      ...(filters.ownerUnit === undefined ? {} : { ownerUnit: filters.ownerUnit }),
    })
  ).filter((risk) => filters.band === undefined || risk.current.band === filters.band);
  const overdue = new Set((await context.readOnDay('OverdueRiskReviews')).map((risk) => risk.riskId));
  // Each risk's assessment before its current one, from every assessment in order.
  const previous = new Map<string, RiskAssessment>();
  const latest = new Map<string, RiskAssessment>();
  for (const assessment of await context.read('RiskHistory')) {
    const last = latest.get(assessment.riskId);
    if (last !== undefined) previous.set(assessment.riskId, last);
    latest.set(assessment.riskId, assessment);
  }
  const version = everyRisk[0]?.current.scaleVersion ?? Math.max(0, ...overview.riskScales.keys());
  const scale = overview.riskScales.get(version);
  const occupied = [...new Set(risks.map((risk) => `${risk.current.likelihood}-${risk.current.consequence}`))]
    .map((key) => key.split('-').map(Number) as [number, number])
    .sort((a, b) => b[0] * b[1] - a[0] * a[1] || b[0] - a[0]);
  const choices = (values: readonly string[]) => [...new Set(values)].sort();
  return {
    title: 'Risikomatrise',
    keep: Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)),
    body: (
      <>
        <form class="time no-print" method="get">
          <fieldset>
            <legend>Filter</legend>
            {Object.entries(context.time).map(([name, value]) => (
              <input type="hidden" name={name} value={value} />
            ))}
            <Choice
              name="context"
              label="Kontekst"
              value={filters.context}
              options={choices(everyRisk.map((risk) => risk.current.context)).map((value) => [value, value])}
            />
            <Choice
              name="ownerUnit"
              label="Eier"
              value={filters.ownerUnit}
              options={choices(everyRisk.map((risk) => risk.current.ownerUnit)).map((value) => [
                value,
                overview.unitNames.get(value) ?? value,
              ])}
            />
            <Choice name="band" label="Bånd" value={filters.band} options={Object.entries(riskBandLabels)} />
            <button type="submit">Filtrer</button>
          </fieldset>
        </form>
        {scale === undefined ? (
          <Empty>Ingen risikoskala er vedtatt.</Empty>
        ) : (
          <>
            <p>
              Skala versjon {scale.scaleVersion}, gyldig fra {dateNo(scale.validFrom)}. Bånd:{' '}
              {scale.bands
                .map((limit) => `${riskBandName(limit.band)} til og med ${limit.maxScore}`)
                .join(', ')}
              . {risks.length} åpne risikoer
              {risks.length === everyRisk.length ? '' : ` av ${everyRisk.length}`}.
            </p>
            <Matrix scale={scale} risks={risks} previous={previous} />
          </>
        )}
        <h2>Risikoene i cellene</h2>
        {occupied.length === 0 ? <Empty>Ingen åpne risikoer.</Empty> : null}
        {occupied.map(([likelihood, consequence]) => {
          const inCell = risks.filter(
            (risk) => risk.current.likelihood === likelihood && risk.current.consequence === consequence,
          );
          return (
            <section aria-labelledby={cellId(likelihood, consequence)}>
              <h3 id={cellId(likelihood, consequence)}>
                Sannsynlighet {likelihood} × konsekvens {consequence} = {likelihood * consequence} (
                {riskBandName(inCell[0]?.current.band)})
              </h3>
              <table>
                <caption>
                  Risikoer med sannsynlighet {likelihood} og konsekvens {consequence}
                </caption>
                <Head
                  columns={['Risiko', 'Eier', 'Vurdert', 'Forrige vurdering', 'Tiltak', 'Neste gjennomgang']}
                />
                <tbody>
                  {inCell.map((risk) => {
                    const before = previous.get(risk.riskId);
                    return (
                      <tr>
                        <td>
                          <a
                            href={hrefAt(
                              `/revisjon/risiko/${encodeURIComponent(risk.riskId)}/tidslinje`,
                              context.time,
                            )}
                          >
                            {risk.current.title}
                          </a>
                          <div class="muted">
                            {risk.riskId}, {risk.assessments}{' '}
                            {risk.assessments === 1 ? 'vurdering' : 'vurderinger'}
                          </div>
                        </td>
                        <td>
                          <UnitName slug={risk.current.ownerUnit} names={overview.unitNames} />
                        </td>
                        <td>{dateNo(risk.current.assessedOn)}</td>
                        <td>
                          {before === undefined
                            ? '–'
                            : `${dateNo(before.assessedOn)}: ${before.likelihood} × ${before.consequence} (${riskBandName(before.band)})`}
                        </td>
                        <td>
                          {risk.treatment === undefined ? (
                            risk.current.treatment
                          ) : (
                            <>
                              {risk.treatment.measures.join(' ')}
                              {risk.treatment.due === undefined ? null : (
                                <> Frist {dateNo(risk.treatment.due)}.</>
                              )}
                            </>
                          )}
                        </td>
                        <td>
                          {dateNo(risk.current.nextReview)}
                          {overdue.has(risk.riskId) ? <span class="fails"> Forfalt</span> : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          );
        })}
      </>
    ),
  };
};

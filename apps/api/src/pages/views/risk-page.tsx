import { bandFor, type RiskScale } from '@styring/governance';
import type { RiskEntry } from '@styring/projections';
import { Empty, UnitName } from '../components';
import { dateNo, riskBandName } from '../format';
import type { BuiltPage, PageContext } from '../page-context';

/** Light band colours, so the dark figures on them keep AA contrast; the band is also written out. */
const bandFill: Readonly<Record<string, string>> = { lav: '#cdeccd', middels: '#fff0a3', hoy: '#f7b9b3' };
const cellSize = 72;
const margin = 56;

const cellId = (likelihood: number, consequence: number) => `celle-${likelihood}-${consequence}`;

/** The scale's grid as inline SVG: each cell coloured by its band, with the number of risks in it. */
const Matrix = (props: { scale: RiskScale; risks: readonly RiskEntry[] }) => {
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
  return (
    <svg
      class="matrix"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby="matrise-tittel"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id="matrise-tittel">
        Risikomatrise: sannsynlighet loddrett (1–{rows}), konsekvens vannrett (1–{columns}); tallet i en celle
        er antall åpne risikoer der.
      </title>
      {cells}
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
    </svg>
  );
};

/**
 * The risk matrix on the adopted scale: the grid coloured by the scale's bands, each occupied cell listing its
 * risks with treatment and next review, and the reviews that are overdue.
 */
export const riskPage = async (context: PageContext): Promise<BuiltPage> => {
  const risks = await context.read('RiskRegister');
  const overdue = await context.readOnDay('OverdueRiskReviews');
  const overdueIds = new Set(overdue.map((risk) => risk.riskId));
  const overview = await context.overview();
  const version = risks[0]?.current.scaleVersion ?? Math.max(0, ...overview.riskScales.keys());
  const scale = overview.riskScales.get(version);
  const occupied = [...new Set(risks.map((risk) => `${risk.current.likelihood}-${risk.current.consequence}`))]
    .map((key) => key.split('-').map(Number) as [number, number])
    .sort((a, b) => b[0] * b[1] - a[0] * a[1] || b[0] - a[0]);
  return {
    title: 'Risikomatrise',
    body: (
      <>
        {scale === undefined ? (
          <Empty>Ingen risikoskala er vedtatt.</Empty>
        ) : (
          <>
            <p>
              Skala versjon {scale.scaleVersion}, gyldig fra {dateNo(scale.validFrom)}. Bånd:{' '}
              {scale.bands
                .map((limit) => `${riskBandName(limit.band)} til og med ${limit.maxScore}`)
                .join(', ')}
              . {risks.length} åpne risikoer.
            </p>
            <Matrix scale={scale} risks={risks} />
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
                <thead>
                  <tr>
                    <th scope="col">Risiko</th>
                    <th scope="col">Eier</th>
                    <th scope="col">Vurdert</th>
                    <th scope="col">Tiltak</th>
                    <th scope="col">Neste gjennomgang</th>
                  </tr>
                </thead>
                <tbody>
                  {inCell.map((risk) => (
                    <tr>
                      <td>
                        {risk.current.title}
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
                        {overdueIds.has(risk.riskId) ? <span class="fails"> Forfalt</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          );
        })}
      </>
    ),
  };
};

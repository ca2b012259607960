import type { QueryAnswer } from '@styring/nestjs';
import { decisionText, Empty, Head, UnitName } from '../components';
import { bodyName, dateNo, healthName, kroner, portfolioName, riskBandName } from '../format';
import type { BuiltPage, PageContext } from '../page-context';
import { hrefAt } from '../page-time';

export const projectStatusName: Readonly<Record<string, string>> = {
  aktiv: 'Aktiv',
  avsluttet: 'Avsluttet',
  avbrutt: 'Avbrutt',
};

/** A health in words and colour (the word is the sign; the colour repeats it). */
export const Health = (props: { health: string }) => (
  <span class={{ gronn: 'holds', gul: 'late', rod: 'fails' }[props.health]}>{healthName(props.health)}</span>
);

type Folder = NonNullable<QueryAnswer<'ProjectFolder'>>;

/**
 * The decisions about a project in date order, each once: a prioritization says its rank (the folder lists
 * it among the decisions as well as among the prioritizations); `short` fits a timeline's label.
 */
export const decisionsOf = (folder: Folder) => {
  type Prioritization = Folder['prioritizations'][number];
  const key = (decision: { decidedOn: string; caseNumber: string }) =>
    `${decision.decidedOn} ${decision.caseNumber}`;
  const rankText = (prioritization: Prioritization) =>
    `Prioritert som nr. ${prioritization.rank} i ${portfolioName(prioritization.portfolio)} ${prioritization.round}`;
  const shortRank = (prioritization: Prioritization) =>
    `Prioritert nr. ${prioritization.rank}, ${prioritization.round}`;
  const ranks = new Map(
    folder.prioritizations.map((prioritization) => [key(prioritization.decision), prioritization]),
  );
  const decided = new Set(folder.decisions.map(key));
  return [
    ...folder.decisions.map((decision) => {
      const prioritization = ranks.get(key(decision));
      return {
        decision,
        what: prioritization === undefined ? 'Vedtak om prosjektet' : rankText(prioritization),
        short: prioritization === undefined ? `Vedtak ${decision.caseNumber}` : shortRank(prioritization),
      };
    }),
    ...folder.prioritizations
      .filter((prioritization) => !decided.has(key(prioritization.decision)))
      .map((prioritization) => ({
        decision: prioritization.decision,
        what: rankText(prioritization),
        short: shortRank(prioritization),
      })),
  ].sort((a, b) => a.decision.decidedOn.localeCompare(b.decision.decidedOn));
};

/**
 * One project's folder: what it is, the decisions about it and its prioritizations, its status reports with
 * health, its risks, its contracts and its evaluation – everything an auditor asks for about one project.
 */
export const projectFolderPage = async (
  context: PageContext,
  projectId: string,
): Promise<BuiltPage | undefined> => {
  const folder = await context.read('ProjectFolder', { projectId });
  if (folder === null) return undefined;
  const names = (await context.overview()).unitNames;
  const decisions = decisionsOf(folder);
  return {
    title: `Prosjektmappe: ${folder.name}`,
    body: (
      <>
        <p>
          <a href={hrefAt('/revisjon/prosjekter', context.time)}>Tilbake til prosjektene</a> ·{' '}
          <a href={hrefAt(`/revisjon/prosjekter/${encodeURIComponent(projectId)}/tidslinje`, context.time)}>
            Tidslinje for prosjektet
          </a>
        </p>
        <dl class="facts">
          <dt>Behov</dt>
          <dd>{folder.need}</dd>
          {folder.description === undefined ? null : (
            <>
              <dt>Beskrivelse</dt>
              <dd>{folder.description}</dd>
            </>
          )}
          <dt>Portefølje</dt>
          <dd>{portfolioName(folder.portfolio)}</dd>
          <dt>Eier</dt>
          <dd>
            <UnitName slug={folder.owningUnit} names={names} />
          </dd>
          <dt>Registrert</dt>
          <dd>{dateNo(folder.registeredOn)}</dd>
          <dt>Status</dt>
          <dd>
            {projectStatusName[folder.status] ?? folder.status}
            {folder.closedOn === undefined ? '' : ` ${dateNo(folder.closedOn)}`}
          </dd>
        </dl>
        <h2>Vedtak</h2>
        {decisions.length === 0 ? (
          <Empty>Ingen vedtak om prosjektet.</Empty>
        ) : (
          <table id="vedtak">
            <caption>Vedtak om prosjektet</caption>
            <Head columns={['Dato', 'Organ', 'Saksnr.', 'Hva']} />
            <tbody>
              {decisions.map(({ decision, what }) => (
                <tr>
                  <td>{dateNo(decision.decidedOn)}</td>
                  <td>{bodyName(decision.body)}</td>
                  <td>{decision.caseNumber}</td>
                  <td>{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2>Statusrapporter</h2>
        {folder.statusReports.length === 0 ? (
          <Empty>Ingen statusrapporter.</Empty>
        ) : (
          <table id="statusrapporter">
            <caption>Statusrapporter ({folder.statusReports.length})</caption>
            <Head columns={['Dato', 'Helse', 'Sammendrag', 'Rapportert til']} />
            <tbody>
              {folder.statusReports.map((report) => (
                <tr>
                  <td>{dateNo(report.reportedOn)}</td>
                  <td>
                    <Health health={report.health} />
                  </td>
                  <td>{report.summary}</td>
                  <td>{bodyName(report.reportedTo)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2>Risikoer</h2>
        {folder.risks.length === 0 ? (
          <Empty>Ingen risikoer knyttet til prosjektet.</Empty>
        ) : (
          <table id="risikoer">
            <caption>Risikoer ({folder.risks.length})</caption>
            <Head columns={['Risiko', 'Vurdert', 'S × K', 'Bånd', 'Tiltak', 'Neste gjennomgang']} />
            <tbody>
              {folder.risks.map((risk) => (
                <tr>
                  <td>
                    <a
                      href={hrefAt(
                        `/revisjon/risiko/${encodeURIComponent(risk.riskId)}/tidslinje`,
                        context.time,
                      )}
                    >
                      {risk.title}
                    </a>
                  </td>
                  <td>{dateNo(risk.assessedOn)}</td>
                  <td>
                    {risk.likelihood} × {risk.consequence} = {risk.score}
                  </td>
                  <td>{riskBandName(risk.band)}</td>
                  <td>{risk.treatmentStrategy ?? '–'}</td>
                  <td>
                    {risk.closedOn === undefined
                      ? dateNo(risk.nextReview)
                      : `Lukket ${dateNo(risk.closedOn)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2>Kontrakter</h2>
        {folder.contracts.length === 0 ? (
          <Empty>Ingen anskaffelser knyttet til prosjektet.</Empty>
        ) : (
          <table id="kontrakter">
            <caption>Anskaffelser og kontrakter ({folder.contracts.length})</caption>
            <Head
              columns={[
                'Anskaffelse',
                { numeric: 'Anslått' },
                'Leverandør',
                { numeric: 'Kontraktsverdi' },
                'Periode',
                'Tildelt',
                'Oppfølging',
              ]}
            />
            <tbody>
              {folder.contracts.map((contract) => (
                <tr>
                  <td>{contract.title}</td>
                  <td class="num">{kroner(contract.estimatedValueNok)}</td>
                  <td>{contract.supplier ?? 'Ikke tildelt'}</td>
                  <td class="num">{kroner(contract.contractValueNok)}</td>
                  <td>
                    {contract.contractPeriod === undefined
                      ? '–'
                      : `${dateNo(contract.contractPeriod.from)}–${dateNo(contract.contractPeriod.to)}`}
                  </td>
                  <td>{contract.award === undefined ? '–' : decisionText(contract.award)}</td>
                  <td>
                    <UnitName slug={contract.followUpOwner} names={names} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2>Evaluering</h2>
        {folder.evaluations.length === 0 ? (
          <Empty>Ikke evaluert.</Empty>
        ) : (
          folder.evaluations.map((evaluation) => (
            <section class="evaluation">
              <p>
                Evaluert {dateNo(evaluation.evaluatedOn)}
                {evaluation.documentReference === undefined ? '' : ` (${evaluation.documentReference})`}:
              </p>
              <ul>
                {evaluation.lessons.map((lesson) => (
                  <li>{lesson}</li>
                ))}
              </ul>
            </section>
          ))
        )}
      </>
    ),
  };
};

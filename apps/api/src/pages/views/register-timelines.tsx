import { streamCategories } from '@styring/governance';
import { healthName, riskBandName } from '../format';
import type { BuiltPage, PageContext } from '../page-context';
import { hrefAt } from '../page-time';
import { decisionsOf } from './project-folder-page';
import { bandFill, TimelineChart, timelineLegend, type TimelineRow, TimelineTable } from '../timeline-chart';

/*
 * The timelines of a project, a risk and a delegation, as the plan's: what was in force when (effective
 * time) as bars and dots, when the system learnt it (recorded time) as diamonds, corrections flagged.
 */

/** The events corrected afterwards, as known at the page's point in time. */
const correctedEvents = async (context: PageContext) =>
  new Set((await context.read('ChangeLog')).map((change) => change.correctedEventId));

const TimelineBody = (props: {
  back: { href: string; text: string };
  title: string;
  what: string;
  rows: readonly TimelineRow[];
}) => (
  <>
    <p>
      <a href={props.back.href}>{props.back.text}</a>
    </p>
    <TimelineChart
      titleId="tidslinje-tittel"
      title={
        <>
          Tidslinje for {props.title}: {props.what}; {timelineLegend}
        </>
      }
      rows={props.rows}
    />
    <TimelineTable caption={`Tidslinjen for ${props.title}`} rows={props.rows} />
  </>
);

/** A project: its life from registered to closed, decisions, status reports by health, contracts, risks. */
export const projectTimelinePage = async (
  context: PageContext,
  projectId: string,
): Promise<BuiltPage | undefined> => {
  const folder = await context.read('ProjectFolder', { projectId });
  if (folder === null) return undefined;
  const corrected = await correctedEvents(context);
  const recordedAt = new Map<string, string>();
  for await (const event of context.store.events.readStream(`${streamCategories.project}-${projectId}`))
    recordedAt.set(event.eventId, event.recordedAt);
  const rows: TimelineRow[] = [
    {
      label: 'Prosjektet',
      from: folder.registeredOn,
      to: folder.closedOn ?? context.day.slice(0, 10),
      recordedAt: [...recordedAt.values()][0],
    },
    ...decisionsOf(folder).map(({ decision, short }) => ({
      label: short,
      from: decision.decidedOn,
    })),
    ...folder.statusReports.map((report) => ({
      label: `Status: ${healthName(report.health)}`,
      from: report.reportedOn,
      recordedAt: report.knownFrom,
      corrected: corrected.has(report.eventId),
      fill: bandFill[report.health] ?? '#9cc3e6',
    })),
    ...folder.contracts.flatMap((contract) =>
      contract.contractPeriod === undefined
        ? []
        : [{ label: `Kontrakt: ${contract.title}`, ...contract.contractPeriod }],
    ),
    ...folder.risks.map((risk) => ({
      label: `Risiko: ${risk.title}`,
      from: risk.assessedOn,
      to: risk.closedOn ?? context.day.slice(0, 10),
      fill: bandFill[risk.band] ?? '#9cc3e6',
    })),
    ...folder.evaluations.map((evaluation) => ({ label: 'Evaluering', from: evaluation.evaluatedOn })),
  ];
  return {
    title: `Tidslinje: ${folder.name}`,
    body: (
      <TimelineBody
        back={{
          href: hrefAt(`/revisjon/prosjekter/${encodeURIComponent(projectId)}`, context.time),
          text: 'Tilbake til prosjektmappen',
        }}
        title={folder.name}
        what="prosjektet, vedtakene, statusrapportene, kontraktene og risikoene"
        rows={rows}
      />
    ),
  };
};

/** A risk: each assessment in force until the next (coloured by band), its treatments and its closing. */
export const riskTimelinePage = async (
  context: PageContext,
  riskId: string,
): Promise<BuiltPage | undefined> => {
  const assessments = await context.read('RiskHistory', { riskId });
  const last = assessments.at(-1);
  if (last === undefined) return undefined;
  const treatments = await context.read('RiskTreatments', { riskId });
  const corrected = await correctedEvents(context);
  const closedOn = treatments.find((entry) => entry.event === 'RiskClosed')?.onDate;
  const rows: TimelineRow[] = [
    ...assessments.map((assessment, index) => ({
      label: `Vurdert ${assessment.likelihood} × ${assessment.consequence} (${riskBandName(assessment.band)})`,
      from: assessment.assessedOn,
      to: assessments[index + 1]?.assessedOn ?? closedOn ?? context.day.slice(0, 10),
      recordedAt: assessment.knownFrom,
      corrected: corrected.has(assessment.eventId),
      fill: bandFill[assessment.band] ?? '#9cc3e6',
    })),
    ...treatments.map((entry) => ({
      label: entry.event === 'RiskClosed' ? 'Lukket' : `Tiltak: ${entry.strategy ?? ''}`,
      from: entry.onDate,
      recordedAt: entry.knownFrom,
      corrected: corrected.has(entry.eventId),
    })),
  ];
  return {
    title: `Tidslinje: ${last.title}`,
    body: (
      <TimelineBody
        back={{ href: hrefAt('/revisjon/risiko', context.time), text: 'Tilbake til risikomatrisen' }}
        title={last.title}
        what="hver vurdering gjelder til den neste, tiltak og lukking er prikker"
        rows={rows}
      />
    ),
  };
};

/** A delegation: in force from given to revoked or expired, the revocation, the decisions made under it. */
export const delegationTimelinePage = async (
  context: PageContext,
  delegationId: string,
): Promise<BuiltPage | undefined> => {
  const [delegation] = await context.readOnDay('DelegationRegister', { delegationId });
  if (delegation === undefined) return undefined;
  const corrected = await correctedEvents(context);
  const rows: TimelineRow[] = [
    {
      label: 'Gyldig',
      from: delegation.validFrom,
      to: delegation.revoked?.revokedFrom ?? delegation.validTo ?? context.day.slice(0, 10),
      recordedAt: delegation.grantedBy.knownFrom,
      corrected: delegation.grantedBy.correctedAt !== undefined,
    },
    ...(delegation.revoked === undefined
      ? []
      : [
          {
            label: `Tilbakekalt (${delegation.revoked.decision.caseNumber})`,
            from: delegation.revoked.revokedFrom,
            recordedAt: delegation.revoked.knownFrom,
            corrected: delegation.revoked.correctedAt !== undefined,
            fill: '#f4a6a6',
          },
        ]),
    ...delegation.decisions.map((decision) => ({
      label: `Vedtak ${decision.caseNumber}`,
      from: decision.decidedOn,
      recordedAt: decision.knownFrom,
      corrected: corrected.has(decision.eventId),
    })),
  ];
  return {
    title: `Tidslinje: ${delegationId}`,
    body: (
      <TimelineBody
        back={{
          href: `${hrefAt('/revisjon/delegeringer', context.time)}#delegering-${delegationId}`,
          text: 'Tilbake til delegeringsregisteret',
        }}
        title={delegationId}
        what="perioden den var gyldig, tilbakekallingen og vedtakene fattet under den"
        rows={rows}
      />
    ),
  };
};

import { streamCategories } from '@styring/governance';
import { Head } from '../components';
import { TimelineChart, timelineLegend } from '../timeline-chart';
import { bodyName, dateNo, timeNo } from '../format';
import type { BuiltPage, PageContext } from '../page-context';
import { hrefAt } from '../page-time';

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
  const title = versions.at(-1)?.title ?? planId;
  return {
    title: `Tidslinje: ${title}`,
    body: (
      <>
        <p>
          <a href={hrefAt('/revisjon/planer', context.time)}>Tilbake til planene</a>
        </p>
        <TimelineChart
          titleId="tidslinje-tittel"
          title={
            <>
              Tidslinje for {title}: én linje per versjon; {timelineLegend}
            </>
          }
          rows={versions.map((version) => ({
            label: `Versjon ${version.version}`,
            from: version.period.from,
            to: version.period.to,
            recordedAt: recordedAt.get(version.eventId),
            corrected: corrected.has(version.eventId),
            fill: version.status === 'opphevet' ? '#d9d9d9' : '#9cc3e6',
          }))}
        />
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

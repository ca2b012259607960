import { periodOf } from '../history-overview';
import type { CalendarEntry } from '@styring/projections';
import { Empty } from '../components';
import { dateNo, reportKindName } from '../format';
import type { BuiltPage, PageContext } from '../page-context';
import { hrefAt } from '../page-time';

const statusText: Readonly<Record<CalendarEntry['status'], { text: string; className: string }>> = {
  'levert-i-tide': { text: 'Levert i tide', className: 'holds' },
  'levert-for-sent': { text: 'Levert for sent', className: 'late' },
  mangler: { text: 'Mangler', className: 'fails' },
  'ikke-forfalt': { text: 'Ikke forfalt', className: 'muted' },
};

const monthNames = [
  'Januar',
  'Februar',
  'Mars',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** The year shown: the one asked for, else the year of `asOf`, else the last year the history reaches. */
const yearOf = (asked: string | undefined, asOf: string | undefined, lastEffective: string | undefined) => {
  if (asked !== undefined && /^\d{4}$/.test(asked)) return Number(asked);
  const fallback = asOf ?? lastEffective ?? new Date().toISOString();
  return Math.min(Number(fallback.slice(0, 4)), new Date().getUTCFullYear());
};

/**
 * The årshjul of one year, month by month: each obligation due that month, when it was delivered and its
 * document, on time / late / missing, and a marker where a delivery was corrected afterwards.
 */
export const calendarPage = async (
  context: PageContext,
  askedYear: string | undefined,
): Promise<BuiltPage> => {
  const period = periodOf(await context.read('DecisionLog'));
  const year = yearOf(askedYear, context.time.asOf ?? context.time.knownAt, period.effective?.last);
  const entries = await context.readOnDay('ReportingCalendar', { year });
  const corrected = new Set((await context.read('ChangeLog')).map((change) => change.correctedEventId));
  const firstYear = Number((period.effective?.first ?? `${year}`).slice(0, 4));
  const years = Array.from({ length: Math.max(1, year - firstYear + 2) }, (_, index) => firstYear + index);
  const counts = (status: CalendarEntry['status']) =>
    entries.filter((entry) => entry.status === status).length;
  return {
    title: `Årshjul ${year}`,
    keep: { ar: String(year) },
    body: (
      <>
        <nav aria-label="År" class="no-print">
          År:{' '}
          {years.map((other) => (
            <>
              {other === year ? (
                <strong aria-current="page">{other}</strong>
              ) : (
                <a href={hrefAt('/revisjon/arshjul', context.time, { ar: String(other) })}>{other}</a>
              )}{' '}
            </>
          ))}
        </nav>
        <p>
          {entries.length} frister: {counts('levert-i-tide')} levert i tide, {counts('levert-for-sent')}{' '}
          levert for sent, {counts('mangler')} mangler, {counts('ikke-forfalt')} ikke forfalt.
        </p>
        {entries.length === 0 ? (
          <Empty>Ingen rapporteringsplikter med frist i {year}.</Empty>
        ) : (
          <div class="months">
            {monthNames.map((month, index) => {
              const due = entries.filter((entry) => Number(entry.dueOn.slice(5, 7)) === index + 1);
              return (
                <section aria-labelledby={`maned-${index + 1}`}>
                  <h2 id={`maned-${index + 1}`}>{month}</h2>
                  {due.length === 0 ? (
                    <Empty>Ingen frister.</Empty>
                  ) : (
                    <ul>
                      {due.map((entry) => {
                        const first = entry.submissions[0];
                        const status = statusText[entry.status];
                        return (
                          <li>
                            <strong>{entry.title}</strong> ({reportKindName(entry.kind)}), perioden{' '}
                            {dateNo(entry.period.from)}–{dateNo(entry.period.to)}
                            <br />
                            Frist {dateNo(entry.dueOn)}
                            {first === undefined ? null : (
                              <>
                                , levert {dateNo(first.submittedOn)}
                                {first.documentReference === undefined ? null : (
                                  <> ({first.documentReference})</>
                                )}
                              </>
                            )}
                            : <span class={status.className}>{status.text}</span>
                            {entry.submissions.some((submission) => corrected.has(submission.eventId)) ? (
                              <span class="late"> · Korrigert etterpå</span>
                            ) : null}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </section>
              );
            })}
          </div>
        )}
      </>
    ),
  };
};

import type { CalendarEntry } from '@styring/projections';
import { CorrectionsTable, Empty, Head } from '../components';
import { bodyName, dateNo, riskBandName, timeNo } from '../format';
import type { BuiltPage, PageContext } from '../page-context';
import { hrefAt, queryValues } from '../page-time';
import { DateField } from '../layout';

/** The two visits: recorded times (dates mean the end of that day); `from` absent means before anything. */
export interface Visits {
  readonly from?: string;
  readonly to?: string;
}

export const visitsOf = (query: Record<string, unknown>): Visits =>
  queryValues(query, { from: 'fra', to: 'til' });

const termKey = (entry: CalendarEntry) => `${entry.obligationId} ${entry.dueOn}`;
const statusText: Readonly<Record<CalendarEntry['status'], string>> = {
  'levert-i-tide': 'levert i tide',
  'levert-for-sent': 'levert for sent',
  mangler: 'mangler',
  'ikke-forfalt': 'ikke forfalt',
};

/**
 * What changed in the record between two visits: each register asked on the recorded clock at both times,
 * and the answers compared – decisions recorded in between, corrections (before / after, why, who),
 * decisions newly without authority, årshjul terms whose status changed, risks whose band changed.
 */
export const changesPage = async (context: PageContext, visits: Visits): Promise<BuiltPage> => {
  const at = (time: string | undefined) =>
    time === undefined ? {} : { clock: 'recorded' as const, asOf: time };
  const before = async <A,>(ask: (time: Record<string, unknown>) => Promise<A[]>): Promise<A[]> =>
    visits.from === undefined ? [] : ask(at(visits.from));
  const to = at(visits.to);
  const year = Number((visits.to ?? new Date().toISOString()).slice(0, 4));
  const dayOfTo = visits.to ?? new Date().toISOString();

  const decisionsThen = new Set(
    (await before((time) => context.read('DecisionLog', time))).map((row) => row.eventId),
  );
  const newDecisions = (await context.read('DecisionLog', to)).filter(
    (row) => !decisionsThen.has(row.eventId),
  );
  const changeKey = (change: { eventId: string; field: string }) => `${change.eventId} ${change.field}`;
  const changesThen = new Set((await before((time) => context.read('ChangeLog', time))).map(changeKey));
  const corrections = (await context.read('ChangeLog', to)).filter(
    (change) => !changesThen.has(changeKey(change)),
  );
  const uncoveredThen = new Set(
    (await before((time) => context.read('DecisionsWithoutAuthority', time))).map(
      (failure) => failure.decision.eventId,
    ),
  );
  const newlyUncovered = (await context.read('DecisionsWithoutAuthority', to)).filter(
    (failure) => !uncoveredThen.has(failure.decision.eventId),
  );
  const termsThen = new Map(
    (await before((time) => context.read('ReportingCalendar', { ...time, year }))).map((entry) => [
      termKey(entry),
      entry.status,
    ]),
  );
  const termChanges = (
    await context.read('ReportingCalendar', { clock: 'recorded', asOf: dayOfTo, year })
  ).filter((entry) => termsThen.get(termKey(entry)) !== entry.status);
  const bandsThen = new Map(
    (await before((time) => context.read('RiskRegister', time))).map((risk) => [
      risk.riskId,
      risk.current.band,
    ]),
  );
  const bandChanges = (await context.read('RiskRegister', to)).filter(
    (risk) => bandsThen.get(risk.riskId) !== risk.current.band,
  );

  return {
    title: 'Endringer mellom to besøk',
    controls: (
      <form class="time" method="get">
        <fieldset>
          <legend>To registreringstidspunkter</legend>
          <DateField name="fra" label="Forrige besøk (fra)" value={visits.from}>
            Standard: før noe var registrert
          </DateField>
          <DateField name="til" label="Dette besøket (til)" value={visits.to}>
            Standard: nå
          </DateField>
          <button type="submit">Sammenlign</button>
        </fieldset>
        <p class="now">
          Viser: registrert etter {visits.from === undefined ? 'starten' : timeNo(visits.from)} og til og med{' '}
          {visits.to === undefined ? 'nå' : timeNo(visits.to)}
        </p>
      </form>
    ),
    body: (
      <>
        <h2>Nye vedtak ({newDecisions.length})</h2>
        {newDecisions.length === 0 ? (
          <Empty>Ingen nye vedtak.</Empty>
        ) : (
          <table>
            <caption>Vedtak registrert mellom besøkene</caption>
            <Head columns={['Dato', 'Organ', 'Vedtak', 'Saksnr.', 'Registrert']} />
            <tbody>
              {newDecisions.map((decision) => (
                <tr>
                  <td>{dateNo(decision.decidedOn)}</td>
                  <td>{bodyName(decision.body)}</td>
                  <td>
                    <a
                      href={hrefAt(`/revisjon/vedtak/${encodeURIComponent(decision.eventId)}`, context.time)}
                    >
                      {decision.summary}
                    </a>
                  </td>
                  <td>{decision.caseNumber}</td>
                  <td>{timeNo(decision.recordedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2>Korrigeringer ({corrections.length})</h2>
        {corrections.length === 0 ? (
          <Empty>Ingen korrigeringer.</Empty>
        ) : (
          <CorrectionsTable
            caption="Korrigeringer registrert mellom besøkene"
            corrections={corrections}
            link={(change) =>
              hrefAt(`/revisjon/vedtak/${encodeURIComponent(change.correctedEventId)}`, context.time)
            }
          />
        )}
        <h2>Statusendringer</h2>
        <h3>Vedtak nå uten gyldig hjemmel ({newlyUncovered.length})</h3>
        {newlyUncovered.length === 0 ? (
          <Empty>Ingen.</Empty>
        ) : (
          <ul>
            {newlyUncovered.map((failure) => (
              <li>
                {dateNo(failure.decision.decidedOn)} {bodyName(failure.decision.body)} (
                {failure.decision.caseNumber}): <span class="fails">{failure.message}</span>
              </li>
            ))}
          </ul>
        )}
        <h3>
          Årshjulet {year} ({termChanges.length})
        </h3>
        {termChanges.length === 0 ? (
          <Empty>Ingen frister endret status.</Empty>
        ) : (
          <ul>
            {termChanges.map((entry) => (
              <li>
                {entry.title}, frist {dateNo(entry.dueOn)}:{' '}
                {termsThen.has(termKey(entry))
                  ? statusText[termsThen.get(termKey(entry)) ?? 'ikke-forfalt']
                  : 'ny'}{' '}
                → <strong>{statusText[entry.status]}</strong>
              </li>
            ))}
          </ul>
        )}
        <h3>Risikobånd ({bandChanges.length})</h3>
        {bandChanges.length === 0 ? (
          <Empty>Ingen risiko endret bånd.</Empty>
        ) : (
          <ul>
            {bandChanges.map((risk) => (
              <li>
                {risk.current.title}:{' '}
                {bandsThen.has(risk.riskId) ? riskBandName(bandsThen.get(risk.riskId)) : 'ny'} →{' '}
                <strong>{riskBandName(risk.current.band)}</strong>
              </li>
            ))}
          </ul>
        )}
      </>
    ),
  };
};

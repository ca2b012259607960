import { Empty, Head, UnitName } from '../components';
import { dateNo, deviationCategoryName } from '../format';
import type { BuiltPage, PageContext } from '../page-context';

const itemStatus: Readonly<Record<string, { text: string; className?: string }>> = {
  ok: { text: 'OK', className: 'holds' },
  avvik: { text: 'Avvik', className: 'fails' },
  'ikke-relevant': { text: 'Ikke relevant' },
};

const days = (count: number) => `${count} ${count === 1 ? 'dag' : 'dager'}`;

/**
 * Internkontroll (kommuneloven § 25-1): every avvik observed by the page's day, open or closed and how long
 * it took to close (or has been open), the count per unit, and the completed checklists with their outcome.
 */
export const internalControlPage = async (context: PageContext): Promise<BuiltPage> => {
  const names = (await context.overview()).unitNames;
  const avvik = await context.readOnDay('AvvikRegister');
  const byUnit = await context.readOnDay('AvvikByUnit');
  const checklists = await context.read('InternalControlChecklists');
  const open = avvik.filter((entry) => entry.status === 'open').length;
  return {
    title: 'Internkontroll',
    body: (
      <>
        <h2>Avvik</h2>
        <p>
          {avvik.length} avvik per {dateNo(context.day)}: {open} åpne, {avvik.length - open} lukket.
        </p>
        {avvik.length === 0 ? (
          <Empty>Ingen avvik på dette tidspunktet.</Empty>
        ) : (
          <table id="avvik">
            <caption>Avvikene</caption>
            <Head
              columns={['Observert', 'Enhet', 'Kategori', 'Beskrivelse', 'Status', 'Lukket', 'Tid', 'Tiltak']}
            />
            <tbody>
              {avvik.map((entry) => (
                <tr>
                  <td>{dateNo(entry.observedOn)}</td>
                  <td>
                    <UnitName slug={entry.unit} names={names} />
                  </td>
                  <td>{deviationCategoryName(entry.category)}</td>
                  <td>{entry.description}</td>
                  <td class={entry.status === 'open' ? 'late' : 'holds'}>
                    {entry.status === 'open' ? 'Åpent' : 'Lukket'}
                  </td>
                  <td>{dateNo(entry.closedOn)}</td>
                  <td>
                    {entry.daysToClose !== undefined
                      ? `Lukket etter ${days(entry.daysToClose)}`
                      : entry.daysOpen !== undefined
                        ? `Åpent i ${days(entry.daysOpen)}`
                        : '–'}
                  </td>
                  <td>{entry.correctiveAction ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {byUnit.length === 0 ? null : (
          <table>
            <caption>Avvik per enhet</caption>
            <Head
              columns={[
                'Enhet',
                { numeric: 'Åpne' },
                { numeric: 'Lukket' },
                { numeric: 'Snitt dager til lukking' },
              ]}
            />
            <tbody>
              {byUnit.map((row) => (
                <tr>
                  <td>
                    <UnitName slug={row.unit} names={names} />
                  </td>
                  <td class="num">{row.open}</td>
                  <td class="num">{row.closed}</td>
                  <td class="num">{row.averageDaysToClose ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2>Sjekklister</h2>
        {checklists.length === 0 ? (
          <Empty>Ingen sjekklister på dette tidspunktet.</Empty>
        ) : (
          <table id="sjekklister">
            <caption>Gjennomførte sjekklister ({checklists.length})</caption>
            <Head
              columns={[
                'Enhet',
                'Periode',
                'Gjennomført',
                'Av',
                { numeric: 'OK' },
                { numeric: 'Avvik' },
                { numeric: 'Ikke relevant' },
                'Punkter med avvik',
              ]}
            />
            <tbody>
              {checklists.map((checklist) => (
                <tr>
                  <td>
                    <UnitName slug={checklist.unit} names={names} />
                  </td>
                  <td>
                    {dateNo(checklist.period.from)}–{dateNo(checklist.period.to)}
                  </td>
                  <td>{dateNo(checklist.completedOn)}</td>
                  <td>{checklist.completedBy.actor}</td>
                  <td class="num">{checklist.outcome.ok}</td>
                  <td class="num">{checklist.outcome.avvik}</td>
                  <td class="num">{checklist.outcome.ikkeRelevant}</td>
                  <td>
                    {checklist.items
                      .filter((item) => item.status !== 'ok')
                      .map((item) => (
                        <div>
                          <span class={itemStatus[item.status]?.className}>
                            {itemStatus[item.status]?.text ?? item.status}
                          </span>
                          : {item.item}
                          {item.comment === undefined ? null : <> ({item.comment})</>}
                        </div>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>
    ),
  };
};

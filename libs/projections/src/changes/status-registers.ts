import type { ReadModelReader } from '../read-models/read-model-reader';
import { defaultReportingObligations } from '@styring/governance';
import { decisionsWithoutAuthority } from '../authority/authority-queries';
import { type PointInTime, resolvePointInTime } from '../point-in-time';
import { reportingCalendar } from '../reporting-calendar/reporting-calendar-queries';
import { riskRegister } from '../risk-register/risk-register-queries';

/** An entry's status in a register at one point in time, with a label a person recognizes it by. */
export interface EntryStatus {
  readonly label: string;
  readonly status: string;
}

/**
 * A register whose entries have a status that can change: the change view asks it for every entry's status
 * at both times, through the register's own query, and shows the entries whose status differs. A new
 * register joins the view by one entry in `statusRegisters`.
 */
export interface StatusRegister {
  readonly register: string;
  readonly title: string;
  readonly statuses: (
    reader: ReadModelReader,
    pointInTime: PointInTime,
  ) => Promise<ReadonlyMap<string, EntryStatus>>;
}

const firstCalendarYear = Math.min(
  ...defaultReportingObligations.map((obligation) => Number(obligation.validFrom.slice(0, 4))),
);

/** Every term of the årshjul due from the first obligation's year to the year of the point in time. */
const calendarStatuses = async (reader: ReadModelReader, pointInTime: PointInTime) => {
  const lastYear = Number(resolvePointInTime(pointInTime).day?.slice(0, 4));
  const statuses = new Map<string, EntryStatus>();
  for (let year = firstCalendarYear; year <= lastYear; year += 1) {
    for (const entry of await reportingCalendar(reader, { ...pointInTime, year })) {
      const period = `${entry.period.from}–${entry.period.to}`;
      statuses.set(`${entry.obligationId} ${period}`, {
        label: `${entry.title} ${period} (frist ${entry.dueOn})`,
        status: entry.status,
      });
    }
  }
  return statuses;
};

const authorityStatuses = async (reader: ReadModelReader, pointInTime: PointInTime) =>
  new Map(
    (await decisionsWithoutAuthority(reader, pointInTime)).map((failure): [string, EntryStatus] => [
      failure.decision.eventId,
      {
        label: `${failure.decision.kind}, sak ${failure.decision.caseNumber} (${failure.decision.body}, ${failure.decision.decidedOn})`,
        status: failure.code,
      },
    ]),
  );

/** A risk's band, or `lukket` once it is closed. */
const riskStatuses = async (reader: ReadModelReader, pointInTime: PointInTime) =>
  new Map(
    (await riskRegister(reader, { ...pointInTime, includeClosed: true })).map(
      (risk): [string, EntryStatus] => [
        risk.riskId,
        { label: risk.current.title, status: risk.closed === undefined ? risk.current.band : 'lukket' },
      ],
    ),
  );

export const statusRegisters: readonly StatusRegister[] = [
  {
    register: 'arshjul',
    title: 'Årshjulet: rapporter levert i tide, for sent eller mangler',
    statuses: calendarStatuses,
  },
  { register: 'vedtak-uten-hjemmel', title: 'Vedtak der hjemmelen ikke holdt', statuses: authorityStatuses },
  { register: 'risikoregister', title: 'Risikoregisteret: risikonivå, eller lukket', statuses: riskStatuses },
];

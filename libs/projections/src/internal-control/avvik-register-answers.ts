import * as t from 'io-ts';
import { eventProvenanceFields } from '../answers/provenance';

/** One avvik as it stood at the point in time: open or closed, and how long it took to close. */
export const avvikEntry = t.intersection([
  t.type({
    deviationId: t.string,
    unit: t.string,
    observedOn: t.string,
    category: t.string,
    description: t.string,
    status: t.keyof({ open: null, closed: null }),
    ...eventProvenanceFields,
  }),
  t.partial({
    /** Set when closed by the point in time. */
    closedOn: t.string,
    correctiveAction: t.string,
    /** Whole days from observed to closed. */
    daysToClose: t.number,
    /** Whole days from observed to the day of `asOf`, for an avvik still open then. */
    daysOpen: t.number,
  }),
]);

export const avvikRegisterAnswer = t.array(avvikEntry);

/** Per unit: how many avvik are open and closed, and the average days to close the closed ones. */
export const avvikByUnitAnswer = t.array(
  t.intersection([
    t.type({ unit: t.string, open: t.number, closed: t.number }),
    t.partial({ averageDaysToClose: t.number }),
  ]),
);

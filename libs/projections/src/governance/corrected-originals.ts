import type { RecordedEvent } from '@styring/eventstore';
import type { EventCorrected } from '@styring/governance';
import { decodeGovernanceEvent } from './decode';
import type { EventSource } from './revisions';

/**
 * The events that corrections name, as first recorded, read from the event store before a batch's
 * read-model transaction opens (that transaction must not await). Kept per correction event: the runner
 * hands the same event objects to every projection of a batch, so each original is read once.
 */
const loading = new WeakMap<RecordedEvent, Promise<void>>();
const loaded = new WeakMap<RecordedEvent, { readonly original: RecordedEvent | undefined }>();

const findRecorded = (source: EventSource, correction: EventCorrected) =>
  source.readEvent(correction.correctedEventId, { streamId: correction.correctedStreamId });

/** Reads the original of every correction in `batch` that `wanted` accepts (and that is not read yet). */
export const loadCorrectedOriginals = async (
  batch: readonly RecordedEvent[],
  source: EventSource,
  wanted: (correction: EventCorrected) => boolean,
): Promise<void> => {
  const pending: Promise<void>[] = [];
  for (const recorded of batch) {
    if (recorded.type !== 'EventCorrected' || loaded.has(recorded)) continue;
    const correction = decodeGovernanceEvent(recorded) as EventCorrected;
    if (!wanted(correction)) continue;
    let load = loading.get(recorded);
    if (load === undefined) {
      load = findRecorded(source, correction).then((original) => void loaded.set(recorded, { original }));
      loading.set(recorded, load);
    }
    pending.push(load);
  }
  await Promise.all(pending);
};

/** The event a correction names, as first recorded (`undefined` when it is not in the log). */
export const correctedOriginalOf = (correction: RecordedEvent): RecordedEvent | undefined => {
  const found = loaded.get(correction);
  if (found === undefined) {
    throw new Error(
      `the event corrected by ${correction.eventId} was not read before the transaction: ` +
        'the projection must be prepared with its batch first',
    );
  }
  return found.original;
};

import { parseArgs } from 'node:util';
import type { NewEvent } from '@styring/eventstore';
import { newEvent } from '@styring/eventstore-testkit';

/** How much each measurement does; `--single=1000` etc. (or BENCH_SINGLE, …) for a quicker or longer run. */
export interface Workload {
  readonly singleAppends: number;
  readonly batches: number;
  readonly batchSize: number;
  readonly streams: number;
  readonly streamEvents: number;
  readonly allEvents: number;
}

export const readWorkload = (args: readonly string[], env: NodeJS.ProcessEnv): Workload => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      single: { type: 'string' },
      batches: { type: 'string' },
      'stream-events': { type: 'string' },
      'all-events': { type: 'string' },
    },
  });
  const size = (flag: keyof typeof values, variable: string, fallback: number) => {
    const value = Number(values[flag] ?? env[variable] ?? fallback);
    if (!Number.isSafeInteger(value) || value <= 0)
      throw new Error(`--${flag} (or ${variable}) must be a positive whole number`);
    return value;
  };
  return {
    singleAppends: size('single', 'BENCH_SINGLE', 5_000),
    batches: size('batches', 'BENCH_BATCHES', 1_000),
    batchSize: 100,
    streams: 100,
    streamEvents: size('stream-events', 'BENCH_STREAM_EVENTS', 10_000),
    allEvents: size('all-events', 'BENCH_ALL_EVENTS', 100_000),
  };
};

/** A governance-sized event: about 300 bytes of data and 200 of metadata, with Norwegian text. */
export const benchEvent = (n: number): NewEvent =>
  newEvent(
    'DecisionRecorded',
    {
      decisionId: `PS-2025-${String(n).padStart(6, '0')}`,
      body: 'kommunestyret',
      title: 'Handlingsprogram med økonomiplan 2025–2028: vedtak om rammer for oppvekst og helse',
      amountNok: 1_250_000 + n,
      units: ['oppvekst', 'helse-og-omsorg'],
      summary:
        'Kommunestyret vedtok rammene slik de ble lagt fram, med endringene i rådmannens tilleggsnotat.',
    },
    { actor: 'sekretariat@lorenskog.kommune.no', role: 'utvalgssekretar', onBehalfOf: 'kommunestyret' },
  );

export const benchEvents = (count: number, offset = 0): NewEvent[] =>
  Array.from({ length: count }, (_, n) => benchEvent(offset + n));

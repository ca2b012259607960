/**
 * The signed audit export and its offline verifier on a million realistic governance events.
 *
 * The events are appended to a SQLite event store first (batches of 100, not timed); then the export
 * (store → signed folder) and the verification (folder → verdict) each run in a child process of their
 * own, so that each one's peak memory (the RSS high-water mark, process.resourceUsage().maxRSS) is its
 * own. Each phase also reports its CPU time per event, and the run the machine's load average: the two
 * cores are shared, so the rate alone says as much about the neighbours as about the code. The export is
 * measured three times: from the events alone (`exportFromStore`); as `styring export` makes it the first
 * time, the read models kept in the store built first, with one CSV per register (`runExport` with
 * `exportRegisters`); and the same again, the read models now current as a running service keeps them.
 * For each, every step of the export (see ExportPhase) is printed with its time, its CPU per event and the
 * peak RSS at its end, beside the 200 MB limit, so that the figures say where time and memory go.
 * Run alone: `npx tsc -b tools/bench && node tools/bench/dist/export-bench.js [--events N]`
 * (or BENCH_EXPORT_EVENTS=N).
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  exportFromStore,
  generateSigningKeyPair,
  loadSigningKey,
  parsePublicKey,
  verifyExport,
} from '@styring/audit-export';
import type { EventMetadata, NewEvent } from '@styring/eventstore';
import { openSqliteEventStore } from '@styring/eventstore-sqlite';
import {
  changeLogEntriesOf,
  type DecisionReference,
  decisionLogEntryOf,
  type GovernanceEvent,
  governanceEventSerde,
} from '@styring/governance';
import type { Figure } from './figure';
import { MEMORY_LIMIT_MB, memoryVerdict } from './memory-limit';
import { withScratchDirectory } from './scratch-directory';

const EXPORT_TARGET = 120_000;
const VERIFY_TARGET = 300_000;
const BATCH = 100;
const ORIGIN = 'Lørenskog kommune (benchmark, fiktive data)';

// -- Realistic events: the domain's own types, fictitious content, about a fifth of them decisions --------

const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + (n % 1400))).toISOString().slice(0, 10);
const bodies = ['kommunestyret', 'formannskapet', 'kommunedirektoren', 'direktor'] as const;
const decision = (n: number): DecisionReference => ({
  body: bodies[n % bodies.length]!,
  decidedOn: day(n),
  caseNumber: `${2020 + (n % 6)}/${1 + (n % 99_999)}`,
  ...(n % 2 === 0 ? { meeting: `Kommunestyret ${day(n)}, sak ${n % 90}` } : {}),
  authority:
    n % 3 === 0
      ? { kind: 'law', reference: 'kommuneloven § 5-3' }
      : { kind: 'delegation', delegationId: `delegering-${n % 40}` },
});
const project = (n: number) => `prosjekt-${n % 500}`;
const risk = (n: number) => `risiko-${n % 300}`;

const statusReport = (n: number): GovernanceEvent => ({
  type: 'ProjectStatusReported',
  projectId: project(n),
  reportedOn: day(n),
  health: (['gronn', 'gul', 'rod'] as const)[n % 3]!,
  summary:
    'Framdrift etter plan; kostnadene ligger innenfor rammen, men leveransen av ventilasjon er forsinket',
  reportedTo: 'kommunestyret',
});

const riskAssessed = (n: number): GovernanceEvent => ({
  type: 'RiskAssessed',
  riskId: risk(n),
  title: 'Manglende kapasitet i byggesaksbehandlingen i perioder med mange søknader',
  context: 'sektor',
  scaleVersion: 1,
  likelihood: 1 + (n % 5),
  consequence: 1 + ((n >> 2) % 5),
  score: (1 + (n % 5)) * (1 + ((n >> 2) % 5)),
  band: 'middels',
  ownerUnit: 'regulering-byggesak-geodata',
  treatment: 'Innleie av saksbehandlere og digital søknadsmottak',
  assessedOn: day(n),
  nextReview: day(n + 180),
});

const templates: readonly ((n: number) => GovernanceEvent)[] = [
  (n) => ({
    type: 'PlanAdopted',
    planId: `plan-${n}`,
    kind: 'virksomhetsplan',
    title: `Virksomhetsplan ${2024 + (n % 4)} for Prosjektvirksomheten`,
    period: { from: '2025-01-01', to: '2025-12-31' },
    parentPlans: ['planstrategi-2024-2028'],
    goals: [],
    assignments: [],
    unit: 'prosjektvirksomheten',
    decision: decision(n),
  }),
  statusReport,
  statusReport,
  riskAssessed,
  (n) => ({
    type: 'ContractAwarded',
    procurementId: `anskaffelse-${n % 2000}`,
    supplier: 'Romerike Bygg og Anlegg AS',
    contractValueNok: 1_300_000 + (n % 5_000_000),
    followUpOwner: 'utvikling-og-digitalisering',
    contractPeriod: { from: '2025-01-01', to: '2027-12-31' },
    decision: decision(n),
  }),
  (n) => ({
    type: 'ReportSubmitted',
    reportId: `rapport-${n}`,
    kind: 'okonomirapport',
    period: { from: '2024-01-01', to: '2024-04-30' },
    from: { body: 'kommunedirektoren' },
    to: 'kommunestyret',
    submittedOn: day(n),
    documentReference: `2024/${n % 9999}-3`,
    obligationId: 'okonomirapport-tertial',
  }),
  statusReport,
  (n) => ({
    type: 'RiskTreatmentDecided',
    riskId: risk(n),
    strategy: 'redusere',
    measures: ['Innleie i toppene', 'Digital søknadsmottak innen 2025'],
    decision: decision(n),
  }),
  riskAssessed,
  statusReport,
  (n) => ({
    type: 'ProcurementRegistered',
    procurementId: `anskaffelse-${n % 2000}`,
    title: 'Rammeavtale for rådgivende ingeniørtjenester',
    estimatedValueNok: 2_500_000,
    callOff: false,
    requestingUnit: 'prosjektvirksomheten',
    registeredOn: day(n),
    responsibleUnit: 'utvikling-og-digitalisering',
    thresholdNok: 1_300_000,
  }),
  statusReport,
  (n) => ({
    type: 'PlanAdopted',
    planId: `plan-${n}`,
    kind: 'styringsbrev',
    title: `Styringsbrev ${2024 + (n % 4)} til Teknisk sektor`,
    period: { from: '2025-01-01', to: '2025-12-31' },
    parentPlans: [],
    goals: [],
    assignments: [],
    decision: decision(n),
  }),
  riskAssessed,
  statusReport,
  (n) => ({
    type: 'ProjectRegistered',
    projectId: project(n),
    name: 'Ny barnehage på Rasta',
    portfolio: 'investering',
    owningUnit: 'prosjektvirksomheten',
    need: 'Barnehagedekningen i sentrum faller under målet fra 2026',
    registeredOn: day(n),
  }),
  statusReport,
  riskAssessed,
  statusReport,
  (n) => ({
    type: 'EventCorrected',
    correctedEventId: `00000000-0000-4000-8000-${String(n - 7).padStart(12, '0')}`,
    correctedEventType: 'PlanAdopted',
    correctedStreamId: `bench-${Math.floor((n - 7) / BATCH)}`,
    changes: [{ field: 'period.to', before: '2025-12-31', after: '2026-06-30' }],
    reason: 'Feil sluttdato i vedtaket; rettet etter protokollen',
  }),
];

const metadata = (n: number): EventMetadata => ({
  actor: `saksbehandler-${n % 120}@lorenskog.kommune.no`,
  role: n % 4 === 0 ? 'utvalgssekretar' : 'saksbehandler',
  ...(n % 4 === 0 ? { onBehalfOf: 'kommunestyret' } : {}),
  correlationId: `6f1c2d3e-${String(n % 10_000).padStart(4, '0')}-4a5b-9c8d-${String(n).padStart(12, '0')}`,
  causationId: `7a2b3c4d-${String(n % 10_000).padStart(4, '0')}-4e5f-8a9b-${String(n).padStart(12, '0')}`,
  effectiveAt: day(n),
});

const benchEvent = (n: number): NewEvent => ({
  eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  ...governanceEventSerde.toStored(templates[n % templates.length]!(n)),
  metadata: metadata(n),
});

// -- The phases ---------------------------------------------------------------------------------------------

/** One step of a phase (the export's own phases, see ExportPhase): what it took, and the peak so far. */
export interface StepFigures {
  readonly name: string;
  readonly seconds: number;
  readonly cpuSeconds: number;
  /** The RSS high-water mark at the end of the step: the step raised it if it is above the previous one. */
  readonly peakRssMb: number;
}

export interface PhaseFigures {
  readonly events: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** The child process's RSS high-water mark, Node itself included. */
  readonly peakRssMb: number;
  /** CPU time (user + system, all threads) the work took: what the rate would be on an idle core. */
  readonly cpuSeconds: number;
  readonly steps: readonly StepFigures[];
}

export interface ExportBenchResult {
  readonly events: number;
  /** Where the exported events came from. */
  readonly source: string;
  readonly fillSeconds: number;
  readonly exportMb: number;
  /** What the export cannot go below: reading the store and deriving the log rows, nothing written. */
  readonly upstream: PhaseFigures;
  readonly export: PhaseFigures;
  /**
   * The export as `styring export` makes it, the first time: the read models kept in the store are built
   * first (from nothing), then the events and one CSV per register.
   */
  readonly exportWithRegisters: PhaseFigures;
  /** The same again, the read models now current (as a running service keeps them): caught up, not built. */
  readonly exportWithKeptRegisters: PhaseFigures;
  readonly verify: PhaseFigures;
  /** The machine's 1-minute load average before and after the phases: the cores are shared. */
  readonly loadAverage: readonly [number, number];
}

type PhaseArgs =
  ['upstream', string] | ['export' | 'export-registers', string, string, string] | ['verify', string, string];
const PHASE = '--phase';

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/** Times `work`; `step(name)` ends one of its steps (the rest after the last step is not a step). */
const timed = async (
  events: number,
  work: (step: (name: string) => void) => Promise<unknown>,
): Promise<PhaseFigures> => {
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const steps: StepFigures[] = [];
  let stepStarted = started;
  let stepCpu = cpuBefore;
  await work((name) => {
    const cpu = process.cpuUsage(stepCpu);
    const now = process.hrtime.bigint();
    steps.push({
      name,
      seconds: Number(now - stepStarted) / 1e9,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      peakRssMb: peakRssMb(),
    });
    stepStarted = now;
    stepCpu = process.cpuUsage();
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    events,
    seconds,
    perSecond: events / seconds,
    peakRssMb: peakRssMb(),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    steps,
  };
};

/** In the child: one phase, its figures sent back to the parent. */
const runPhase = async ([phase, ...args]: PhaseArgs): Promise<PhaseFigures> => {
  if (phase === 'upstream') {
    const store = openSqliteEventStore({ file: args[0]! });
    let events = 0;
    const figures = await timed(0, async () => {
      // As the export does: every event decoded once (an undecodable one must not pass unseen).
      for await (const event of store.readAll()) {
        const decoded = governanceEventSerde.fromRecorded(event);
        if (decoded._tag === 'Right') {
          decisionLogEntryOf(decoded.right, event);
          changeLogEntriesOf(decoded.right, event);
        }
        events += 1;
      }
    });
    await store.close();
    return { ...figures, events, perSecond: events / figures.seconds };
  }
  if (phase === 'export') {
    const [storeFile, directory, keyFile] = args as [string, string, string];
    const store = openSqliteEventStore({ file: storeFile });
    const { privateKey } = await loadSigningKey({ file: keyFile });
    let events = 0;
    const figures = await timed(0, async (step) => {
      events = (
        await exportFromStore(store, {
          directory,
          signingKey: privateKey,
          clock: () => new Date(),
          origin: ORIGIN,
          onPhase: step,
        })
      ).eventCount;
    });
    await store.close();
    return { ...figures, events, perSecond: events / figures.seconds };
  }
  if (phase === 'export-registers') {
    const [storeFile, directory, keyFile] = args as [string, string, string];
    // Loaded here, as `styring export` loads them: the other phases' memory stays their own.
    const { exportWithRegisters } = await import('./export-with-registers.js');
    let events = 0;
    const figures = await timed(0, async (step) => {
      events = await exportWithRegisters(storeFile, { directory, keyFile, origin: ORIGIN, onPhase: step });
    });
    return { ...figures, events, perSecond: events / figures.seconds };
  }
  const [directory, publicKeyFile] = args as [string, string];
  const publicKey = parsePublicKey(readFileSync(publicKeyFile));
  let events = 0;
  const figures = await timed(0, async () => {
    const result = await verifyExport(directory, { publicKey });
    if (!result.valid) throw new Error(`the benchmark's export did not verify: ${result.message}`);
    events = result.manifest.eventCount;
  });
  return { ...figures, events, perSecond: events / figures.seconds };
};

const inChild = (args: PhaseArgs): Promise<PhaseFigures> =>
  new Promise((resolve, reject) => {
    const child = fork(__filename, [PHASE, ...args], { stdio: 'inherit' });
    let figures: PhaseFigures | undefined;
    child.on('message', (message) => (figures = message as PhaseFigures));
    child.on('error', reject);
    child.on('exit', (code) =>
      figures && code === 0 ? resolve(figures) : reject(new Error(`${args[0]} phase exited with ${code}`)),
    );
  });

const fill = async (storeFile: string, events: number) => {
  const store = openSqliteEventStore({ file: storeFile });
  try {
    for (let n = 0; n < events; n += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, events - n) }, (_, i) => benchEvent(n + i));
      await store.appendToStream(`bench-${n / BATCH}`, batch, { expectedRevision: 'no_stream' });
    }
  } finally {
    await store.close();
  }
};

/** Fills a store with `events` events, then exports and verifies them, each phase in a process of its own. */
export const runExportBenchmark = (events: number): Promise<ExportBenchResult> =>
  withScratchDirectory(async (directory) => {
    const storeFile = join(directory, 'store.db');
    const keys = {
      privateKeyFile: join(directory, 'signing.key'),
      publicKeyFile: join(directory, 'signing.pub'),
    };
    const exportDirectory = join(directory, 'eksport');
    await generateSigningKeyPair(keys);
    const started = process.hrtime.bigint();
    await fill(storeFile, events);
    const fillSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const loadBefore = loadavg()[0]!;
    const upstream = await inChild(['upstream', storeFile]);
    const exported = await inChild(['export', storeFile, exportDirectory, keys.privateKeyFile]);
    const verified = await inChild(['verify', exportDirectory, keys.publicKeyFile]);
    const withRegisters = await inChild([
      'export-registers',
      storeFile,
      join(directory, 'eksport-med-registre'),
      keys.privateKeyFile,
    ]);
    const withKeptRegisters = await inChild([
      'export-registers',
      storeFile,
      join(directory, 'eksport-med-registre-igjen'),
      keys.privateKeyFile,
    ]);
    const manifest = JSON.parse(readFileSync(join(exportDirectory, 'manifest.json'), 'utf8'));
    const bytes = manifest.files.reduce((sum: number, file: { bytes: number }) => sum + file.bytes, 0);
    return {
      events,
      source: 'SQLite event store (readAll), filled by batched appends',
      fillSeconds,
      exportMb: bytes / 2 ** 20,
      upstream,
      export: exported,
      exportWithRegisters: withRegisters,
      exportWithKeptRegisters: withKeptRegisters,
      verify: verified,
      loadAverage: [loadBefore, loadavg()[0]!],
    };
  });

const memoryNote = (figures: PhaseFigures) => memoryVerdict(figures.peakRssMb);

const cpuNote = (figures: PhaseFigures) =>
  `CPU ${((figures.cpuSeconds / figures.events) * 1e6).toFixed(1)} µs/event`;

/**
 * The benchmark as figures for the table printer (tools/bench/src/main.ts): a section's `run`. The number
 * of events comes from BENCH_EXPORT_EVENTS (a million by default).
 */
export const exportBenchFigures = async (): Promise<Figure[]> => {
  const result = await runExportBenchmark(defaultEventCount());
  return [
    {
      measure: `upstream of the export: store readAll + decode + governance log rows, nothing written (${cpuNote(result.upstream)})`,
      count: result.events,
      unit: 'events',
      perSecond: result.upstream.perSecond,
    },
    {
      measure: `export, SQLite store → signed folder (${memoryNote(result.export)}, ${cpuNote(result.export)})`,
      count: result.events,
      unit: 'events',
      perSecond: result.export.perSecond,
      target: EXPORT_TARGET,
    },
    {
      measure: `export with the registers, as \`styring export\`, read models built first (${memoryNote(result.exportWithRegisters)}, ${cpuNote(result.exportWithRegisters)})`,
      count: result.events,
      unit: 'events',
      perSecond: result.exportWithRegisters.perSecond,
      target: EXPORT_TARGET,
    },
    {
      measure: `export with the registers, read models kept current as by the service (${memoryNote(result.exportWithKeptRegisters)}, ${cpuNote(result.exportWithKeptRegisters)})`,
      count: result.events,
      unit: 'events',
      perSecond: result.exportWithKeptRegisters.perSecond,
      target: EXPORT_TARGET,
    },
    {
      measure: `verify the folder offline (${memoryNote(result.verify)}, ${cpuNote(result.verify)})`,
      count: result.events,
      unit: 'events',
      perSecond: result.verify.perSecond,
      target: VERIFY_TARGET,
    },
  ];
};

const defaultEventCount = (args: readonly string[] = [], env: NodeJS.ProcessEnv = process.env) => {
  const { values } = parseArgs({ args: [...args], options: { events: { type: 'string' } } });
  const events = Number(values.events ?? env['BENCH_EXPORT_EVENTS'] ?? 1_000_000);
  if (!Number.isSafeInteger(events) || events <= 0)
    throw new Error('--events must be a positive whole number');
  return events;
};

/** Each step of a phase: its time, its CPU per event of the phase, and the peak RSS at its end. */
const stepLines = (figures: PhaseFigures) =>
  figures.steps.map(
    (step) =>
      `  ${step.name.padEnd(12)} ${step.seconds.toFixed(1).padStart(5)} s, CPU ` +
      `${((step.cpuSeconds / figures.events) * 1e6).toFixed(1).padStart(5)} µs/event, ` +
      `peak RSS ${step.peakRssMb.toFixed(0)} MB (limit ${MEMORY_LIMIT_MB} MB)`,
  );

const report = (result: ExportBenchResult) => {
  const line = (name: string, figures: PhaseFigures, target: number) =>
    `${name.padEnd(7)} ${Math.round(figures.perSecond).toLocaleString('en-US').padStart(9)} events/s ` +
    `(target ${target.toLocaleString('en-US')}: ${figures.perSecond >= target ? 'met' : 'MISSED'}), ` +
    `${figures.seconds.toFixed(1)} s, ${cpuNote(figures)}, ${memoryNote(figures)}`;
  console.log(
    [
      `Audit export benchmark: ${result.events.toLocaleString('en-US')} events from the ${result.source} ` +
        `(filled in ${result.fillSeconds.toFixed(1)} s); export folder ${result.exportMb.toFixed(0)} MB`,
      `upstream ${Math.round(result.upstream.perSecond).toLocaleString('en-US').padStart(8)} events/s: the store's ` +
        `readAll, decoding and the governance log rows alone, nothing written (the ceiling of the export), ${cpuNote(result.upstream)}`,
      line('export', result.export, EXPORT_TARGET),
      ...stepLines(result.export),
      line(
        'export with registers (as `styring export`), read models built first',
        result.exportWithRegisters,
        EXPORT_TARGET,
      ),
      ...stepLines(result.exportWithRegisters),
      line('export with registers, read models kept current', result.exportWithKeptRegisters, EXPORT_TARGET),
      ...stepLines(result.exportWithKeptRegisters),
      line('verify', result.verify, VERIFY_TARGET),
      `load average (1 min, 2 shared cores) ${result.loadAverage.map((load) => load.toFixed(1)).join(' → ')}`,
    ].join('\n'),
  );
};

if (require.main === module) {
  const [flag, ...rest] = process.argv.slice(2);
  const work =
    flag === PHASE
      ? runPhase(rest as PhaseArgs).then((figures) => process.send?.(figures, () => process.disconnect()))
      : runExportBenchmark(defaultEventCount(process.argv.slice(2))).then(report);
  work.catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

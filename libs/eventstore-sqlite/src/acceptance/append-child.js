// A separate process that appends to a SQLite event store through the built adapter (dist/), reporting
// each append on stdout (one JSON line) only after it returned. Started by processes.int.spec.ts.
//   node append-child.js FILE sequence STREAM LABEL          appends batches of 1-50 events until killed
//   node append-child.js FILE contend  STREAM LABEL COUNT    reports {ready}, waits for a line on stdin, then
//                                                            lands COUNT single events, retrying conflicts
//   node append-child.js FILE open     STREAM LABEL AT       opens the store at time AT (ms), appends one event
//   node append-child.js FILE group    STREAM LABEL WRITERS  WRITERS concurrent writers, each on STREAM-w, append
//                                                            batches of 1-20 events until killed (group commit)
'use strict';
const { openSqliteEventStore } = require('../../dist/index.js');

const [file, mode, streamId, label, count] = process.argv.slice(2);

const event = (eventId) => ({
  eventId,
  type: 'appended-by-child',
  schemaVersion: 1,
  data: { label, text: 'Lørenskog 🏛️' },
  metadata: {
    actor: label,
    role: 'test',
    correlationId: label,
    causationId: label,
    effectiveAt: '2025-01-01',
  },
});

const report = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

const currentRevision = async (store) => {
  for await (const last of store.readStream(streamId, { direction: 'backwards', maxCount: 1 })) {
    return last.streamRevision;
  }
  return 'no_stream';
};

const sequence = async (store) => {
  let expectedRevision = await currentRevision(store);
  for (let batch = 0; ; batch++) {
    const size = batch % 2 === 0 ? 1 : 1 + Math.floor(Math.random() * 50);
    const events = Array.from({ length: size }, (_, n) => event(`${label}-${batch}-${n}-of-${size}`));
    const outcome = await store.appendToStream(streamId, events, { expectedRevision });
    if (outcome._tag !== 'Appended')
      throw new Error(`unexpected conflict: ${JSON.stringify(String(outcome.actual))}`);
    report({ ids: events.map((e) => e.eventId), revision: String(outcome.nextExpectedRevision) });
    expectedRevision = outcome.nextExpectedRevision;
  }
};

// The writers' appends are made in the same turn of the event loop, so they share commits.
const group = async (store) => {
  const writer = async (w) => {
    const stream = `${streamId}-${w}`;
    let expectedRevision = 'no_stream';
    for (let batch = 0; ; batch++) {
      const size = 1 + Math.floor(Math.random() * 20);
      const events = Array.from({ length: size }, (_, n) => event(`${label}-w${w}-${batch}-${n}-of-${size}`));
      const outcome = await store.appendToStream(stream, events, { expectedRevision });
      if (outcome._tag !== 'Appended') throw new Error(`unexpected ${outcome._tag} on ${stream}`);
      report({ stream, ids: events.map((e) => e.eventId), revision: String(outcome.nextExpectedRevision) });
      expectedRevision = outcome.nextExpectedRevision;
    }
  };
  await Promise.all(Array.from({ length: Number(count) }, (_, w) => writer(w)));
};

const contend = async (store) => {
  report({ ready: true });
  await new Promise((resolve) => process.stdin.once('data', resolve));
  process.stdin.destroy();
  for (let n = 0; n < Number(count);) {
    const expectedRevision = await currentRevision(store);
    const eventId = `${label}-${n}`;
    const outcome = await store.appendToStream(streamId, [event(eventId)], { expectedRevision });
    // Like a real application, pause between commands; otherwise one process starves the other.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
    if (outcome._tag === 'Appended') {
      report({ ids: [eventId], revision: String(outcome.nextExpectedRevision) });
      n++;
    } else {
      report({ conflict: outcome._tag, expected: String(outcome.expected), actual: String(outcome.actual) });
    }
  }
};

const openAt = (at) => {
  while (Date.now() < at); // all children open the new file at the same moment
  return openSqliteEventStore({ file });
};

const appendOne = async (store) => {
  const outcome = await store.appendToStream(streamId, [event(label)], { expectedRevision: 'any' });
  report({ ids: [label], revision: String(outcome.nextExpectedRevision) });
};

const main = async () => {
  const store = mode === 'open' ? openAt(Number(count)) : openSqliteEventStore({ file });
  try {
    const modes = { sequence, contend, group };
    await (modes[mode] ?? appendOne)(store);
  } finally {
    await store.close();
  }
};

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});

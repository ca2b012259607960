import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { EventStore } from '@styring/eventstore';
import { newEvent } from '../new-event';
import type { RaceReport, RaceRound } from './race-messages';

/** How a child process opens the store under test: an exported opener of the adapter's built module. */
export interface ChildStoreOpener {
  /** The adapter's `tsconfig.json`, built (`tsc -b`) before the children start. */
  readonly project: string;
  /** The built module (absolute path) that exports the opener, e.g. the adapter's `dist/index.js`. */
  readonly module: string;
  /** The exported function's name; it takes `options` and returns a store or a promise of one. */
  readonly open: string;
  /** JSON options for it, naming the same storage as the parent's store. */
  readonly options: unknown;
}

export interface RacedStore {
  readonly store: EventStore;
  readonly child: ChildStoreOpener;
  dispose(): Promise<void>;
}

const packageRoot = resolve(__dirname, '../..');
const childScript = resolve(packageRoot, 'dist/race/race-child.js');

interface Child {
  readonly process: ChildProcess;
  /** Resolves with the next line the child reports. */
  next(): Promise<unknown>;
}

const startChild = (opener: ChildStoreOpener, role: 'decision' | 'revocation'): Child => {
  const { module, open, options } = opener;
  const child = spawn(process.execPath, [childScript, JSON.stringify({ module, open, options, role })], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const lines: unknown[] = [];
  const waiting: ((line: unknown) => void)[] = [];
  const failures: ((error: Error) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const parsed: unknown = JSON.parse(line);
    const waiter = waiting.shift();
    failures.shift();
    if (waiter === undefined) lines.push(parsed);
    else waiter(parsed);
  });
  child.on('exit', (code) => {
    for (const fail of failures.splice(0)) fail(new Error(`the ${role} child ended (${code}): ${stderr}`));
  });
  return {
    process: child,
    next: () =>
      lines.length > 0
        ? Promise.resolve(lines.shift())
        : new Promise((done, fail) => {
            waiting.push(done);
            failures.push(fail);
          }),
  };
};

/**
 * Two real processes race, round after round on fresh streams: one appends a decision conditioned on "no
 * revocation of its delegation after the grant", the other appends the revocation. Exactly one of two
 * outcomes may hold: the decision is stored before the revocation, or it is refused with a
 * ConsistencyConflict naming the revocation. Both stored with the revocation first is the bug this rules
 * out. For stores whose condition is atomic with the append (SQLite, PostgreSQL); `factory` runs once.
 */
export const describeConsistencyRace = (
  adapterName: string,
  factory: () => Promise<RacedStore>,
  rounds = 30,
): void => {
  describe(`${adapterName}: a decision and a revocation of its delegation, appended by two processes at once`, () => {
    let raced: RacedStore | undefined;
    const children: Child[] = [];

    beforeAll(async () => {
      raced = await factory();
      const tsc = require.resolve('typescript/bin/tsc');
      execFileSync(
        process.execPath,
        [tsc, '-b', resolve(packageRoot, 'tsconfig.json'), raced.child.project],
        {
          stdio: 'inherit',
        },
      );
    }, 120_000);
    afterAll(async () => {
      for (const child of children) child.process.kill('SIGKILL');
      await raced?.dispose();
    });

    it('never stores both with the revocation first: the decision lands before it or gets a ConsistencyConflict', async () => {
      const { store, child: opener } = raced!;
      const decider = startChild(opener, 'decision');
      const revoker = startChild(opener, 'revocation');
      children.push(decider, revoker);
      await Promise.all([decider.next(), revoker.next()]);
      const prefix = `race-${process.pid}-${Date.now()}`;
      for (let n = 0; n < rounds; n++) {
        const delegation = `${prefix}-delegation-${n}`;
        const decision = `${prefix}-decision-${n}`;
        const granted = await store.appendToStream(delegation, [newEvent('delegation-granted')], {
          expectedRevision: 'no_stream',
        });
        if (granted._tag !== 'Appended') throw new Error(`the grant was refused: ${granted._tag}`);
        const round: RaceRound = {
          n,
          decision,
          delegation,
          after: String(granted.lastPosition),
          jitterMs: 3,
        };
        for (const side of [decider, revoker]) side.process.stdin!.write(`${JSON.stringify(round)}\n`);
        const [decided, revoked] = (await Promise.all([decider.next(), revoker.next()])) as RaceReport[];

        expect(revoked).toMatchObject({ round: n, tag: 'Appended' });
        const revokedAt = BigInt(revoked!.position!);
        if (decided!.tag === 'Appended') {
          expect(BigInt(decided!.position!) < revokedAt).toBe(true);
          expect(await store.streamExists(decision)).toBe(true);
        } else {
          expect(decided).toEqual({ round: n, tag: 'ConsistencyConflict', changed: String(revokedAt) });
          expect(await store.streamExists(decision)).toBe(false);
        }
      }
      for (const side of [decider, revoker]) side.process.stdin!.end();
    });
  });
};

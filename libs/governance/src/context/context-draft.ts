import type { GovernanceContext, GovernanceFactKind } from './governance-context';

type Registers = Pick<GovernanceContext, GovernanceFactKind>;
type KeyOf<M> = M extends ReadonlyMap<infer K, unknown> ? K : never;
type ValueOf<M> = M extends ReadonlyMap<unknown, infer V> ? V : never;

/** A register's change for one event: the record to set under its key; `undefined`: nothing changes. */
export type RegisterChange<K, V> = readonly [K, V] | undefined;

/**
 * A context being changed by a run of events. Each register is copied at its first change in the run and
 * then changed in place, so a run of n events costs O(n), not a copy of the register per event (quadratic
 * over a long history). The context it started from, and every context it has handed out, stay as they
 * are: deciders may still be reading them.
 */
export class ContextDraft {
  #base: GovernanceContext;
  // Typed by the methods' signatures: each kind's copy holds that register's keys and records.
  #copies = new Map<GovernanceFactKind, Map<unknown, unknown>>();

  constructor(base: GovernanceContext) {
    this.#base = base;
  }

  get<K extends GovernanceFactKind>(kind: K): Registers[K] {
    return (this.#copies.get(kind) ?? this.#base[kind]) as Registers[K];
  }

  #writable(kind: GovernanceFactKind): Map<unknown, unknown> {
    let copy = this.#copies.get(kind);
    if (copy === undefined) {
      copy = new Map(this.#base[kind] as ReadonlyMap<unknown, unknown>);
      this.#copies.set(kind, copy);
    }
    return copy;
  }

  change<K extends GovernanceFactKind>(
    kind: K,
    change: RegisterChange<KeyOf<Registers[K]>, ValueOf<Registers[K]>>,
  ): void {
    if (change !== undefined) this.#writable(kind).set(change[0], change[1]);
  }

  delete<K extends GovernanceFactKind>(kind: K, key: KeyOf<Registers[K]>): void {
    this.#writable(kind).delete(key);
  }

  /** The context with the run's changes; the draft goes on from it, copying again at the next change. */
  result(): GovernanceContext {
    if (this.#copies.size > 0) {
      this.#base = { ...this.#base, ...Object.fromEntries(this.#copies) };
      this.#copies = new Map();
    }
    return this.#base;
  }
}

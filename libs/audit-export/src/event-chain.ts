import type { RecordedEvent } from '@styring/eventstore';
import { AuditExportError } from './audit-export-error';
import type { CarriedCosignature } from './carried-cosignatures';
import { canonicalRecordBytes } from './canonical-record';
import {
  binaryToHex,
  encodeEventLine,
  eventLeaf,
  type ExportManifest,
  GENESIS_HASH,
  type ManifestRange,
  maxEventLineBytes,
  MerkleFrontier,
} from './format';
import { ConsistencyProofCollector } from './merkle';
import type { OutputFile } from './output-file';

export interface ChainResult {
  readonly treeSize: number;
  readonly merkleRoot: string;
  readonly chainHead: string;
  readonly range: ManifestRange | null;
  /** From the previous export's tree to this one; present when a previous export was given. */
  readonly consistencyProof?: readonly string[];
}

/**
 * Writes recorded events, in global order, as the lines of events.jsonl: numbered, hash-chained and
 * pushed into the Merkle tree as they pass, in constant memory. Given the previous export's manifest, it
 * checks that the first events still hash to that export's root, and collects the consistency proof; given
 * witnessed tree heads (the cosignatures the export carries), that the events extend each of them too.
 */
export class EventChain {
  readonly #out: OutputFile;
  #seq = 0;
  #head = GENESIS_HASH;
  #first: RecordedEvent | undefined;
  #last: RecordedEvent | undefined;
  readonly #frontier: MerkleFrontier;
  readonly #previous: ExportManifest | undefined;
  readonly #consistency: ConsistencyProofCollector | undefined;
  /** The witnessed tree heads by tree size. */
  readonly #witnessed = new Map<number, CarriedCosignature[]>();

  constructor(out: OutputFile, previous?: ExportManifest, witnessed: readonly CarriedCosignature[] = []) {
    this.#out = out;
    this.#previous = previous;
    this.#consistency = previous && new ConsistencyProofCollector(previous.treeSize);
    this.#frontier = new MerkleFrontier(this.#consistency?.onNode);
    for (const head of witnessed)
      this.#witnessed.set(head.treeSize, [...(this.#witnessed.get(head.treeSize) ?? []), head]);
    this.#checkWitnessed();
  }

  /** The seq (line number) of the last event appended. */
  get seq(): number {
    return this.#seq;
  }

  /** Writes the event's line; a promise only when the file had to write its buffer out first. */
  write(event: RecordedEvent): Promise<void> | undefined {
    if (this.#last !== undefined && !(event.globalPosition > this.#last.globalPosition)) {
      throw new AuditExportError(
        'invalid_event',
        `event ${event.eventId} at global position ${event.globalPosition} comes after position ` +
          `${this.#last.globalPosition}: the events must come in global order`,
      );
    }
    const record = canonicalRecordBytes(event);
    const waiting = this.#out.room(maxEventLineBytes(record.length));
    if (waiting !== undefined) {
      const kept = Buffer.from(record); // the encoder's buffer is reused by whatever runs meanwhile
      return waiting.then(() => this.#append(event, kept));
    }
    this.#append(event, record);
    return undefined;
  }

  #append(event: RecordedEvent, record: Buffer) {
    const out = this.#out;
    const line = encodeEventLine(out.buffer, out.used, this.#seq + 1, this.#head, record);
    out.commit(line.end);
    this.#seq += 1;
    this.#head = line.eventHashHex;
    this.#first ??= event;
    this.#last = event;
    this.#frontier.push(eventLeaf(line.eventHashHex));
    if (this.#previous !== undefined && this.#seq === this.#previous.treeSize) this.#checkPrevious();
    if (this.#witnessed.has(this.#seq)) this.#checkWitnessed();
  }

  /** The events so far must hash to the root of every tree head witnessed at this size. */
  #checkWitnessed() {
    const root = binaryToHex(this.#frontier.root());
    for (const head of this.#witnessed.get(this.#seq) ?? []) {
      if (root === head.merkleRoot) continue;
      throw new AuditExportError(
        'history_rewritten',
        `the history differs from the tree head the witness ${head.cosigner} cosigned (${head.fileName}): ` +
          `its first ${head.treeSize} events now hash to Merkle root ${root}, not ${head.merkleRoot}; the ` +
          `first inconsistent size is ${head.treeSize}. Events were changed or removed after it was witnessed.`,
      );
    }
  }

  #checkPrevious() {
    const previous = this.#previous!;
    const root = binaryToHex(this.#frontier.root());
    if (root !== previous.merkleRoot || this.#head !== previous.chainHead) {
      throw new AuditExportError(
        'history_rewritten',
        `the history differs from the previous export (created ${previous.created}): its first ` +
          `${previous.treeSize} events now hash to Merkle root ${root}, not ${previous.merkleRoot}. ` +
          'Events were changed or removed after that export.',
      );
    }
  }

  finish(): ChainResult {
    const witnessedBeyond = [...this.#witnessed.keys()].filter((size) => size > this.#seq);
    if (witnessedBeyond.length > 0) {
      throw new AuditExportError(
        'history_truncated',
        `there are ${this.#seq} events, fewer than the ${Math.max(...witnessedBeyond)} of a tree head a ` +
          'witness cosigned: events were removed after it was witnessed.',
      );
    }
    const previous = this.#previous;
    if (previous !== undefined && this.#seq < previous.treeSize) {
      throw new AuditExportError(
        'history_truncated',
        `there are ${this.#seq} events, fewer than the ${previous.treeSize} of the previous export ` +
          `(created ${previous.created}): events were removed after that export.`,
      );
    }
    const first = this.#first;
    const last = this.#last;
    return {
      treeSize: this.#seq,
      merkleRoot: binaryToHex(this.#frontier.root()),
      chainHead: this.#head,
      range:
        first === undefined || last === undefined
          ? null
          : {
              firstGlobalPosition: String(first.globalPosition),
              lastGlobalPosition: String(last.globalPosition),
              firstRecordedAt: first.recordedAt,
              lastRecordedAt: last.recordedAt,
            },
      ...(this.#consistency && {
        consistencyProof: this.#consistency.proof(this.#frontier).map((node) => node.toString('hex')),
      }),
    };
  }
}

import { join } from 'node:path';
import { AuditExportError } from './audit-export-error';
import { binaryToHex, EVENTS_FILE, eventLeaf, LineReader, MerkleFrontier, parseEventLine } from './format';
import { inclusionProofCollector } from './merkle';

/** Proof that one event is in an export's Merkle tree: check it with verifyInclusion and the signed root. */
export interface InclusionProof {
  /** The event's line in events.jsonl; its leaf index is seq − 1. */
  readonly seq: number;
  readonly treeSize: number;
  readonly eventHash: string;
  /** The audit path (RFC 9162 §2.1.3), lowest node first, hex. */
  readonly proof: readonly string[];
  /** The root the path leads to; compare it with the manifest's signed merkleRoot. */
  readonly merkleRoot: string;
}

/**
 * Builds the inclusion proof of the event on line `seq` of an export's events.jsonl, in one streaming pass:
 * for an auditor who wants to show a single decision to someone holding only the signed manifest.
 */
export const proveInclusion = async (directory: string, seq: number): Promise<InclusionProof> => {
  if (!Number.isSafeInteger(seq) || seq < 1)
    throw new AuditExportError('invalid_option', `seq: ${seq} is not a line number`);
  const collector = inclusionProofCollector(seq - 1);
  const frontier = new MerkleFrontier(collector.onNode);
  const reader = await LineReader.open(join(directory, EVENTS_FILE));
  let eventHash: string | undefined;
  try {
    while (await reader.advance()) {
      const line = parseEventLine(reader.view, reader.start, reader.end);
      if (line.problem !== undefined) {
        throw new AuditExportError(
          'invalid_option',
          `${EVENTS_FILE} line ${reader.lineNumber}: ${line.problem.en}`,
        );
      }
      if (reader.lineNumber === seq) eventHash = line.computedHash;
      frontier.push(eventLeaf(line.computedHash));
    }
  } finally {
    await reader.close();
  }
  if (eventHash === undefined) {
    throw new AuditExportError(
      'invalid_option',
      `seq: ${seq} is beyond the ${frontier.size} events of the export`,
    );
  }
  return {
    seq,
    treeSize: frontier.size,
    eventHash,
    proof: collector.path(frontier).map((node) => node.toString('hex')),
    merkleRoot: binaryToHex(frontier.root()),
  };
};

/**
 * Proofs over the Merkle tree of RFC 9162 §2.1, built while the leaves stream past, in O(log n) memory.
 *
 * Seen as a perfect binary tree in which a node without a right child is replaced by its left child, the
 * RFC's tree gives every proof one shape: the siblings of the nodes on the way from one node up to the
 * root, lowest first. Siblings to the left are complete subtrees, finished before the node itself;
 * siblings to the right are complete subtrees finished later, except at most one on the tree's ragged
 * right edge, which is folded from the final frontier. So a collector only has to remember the one
 * wanted sibling per level as the frontier completes it. (Hashing, the frontier and proof *verification*
 * live in verify-export.js, the verifier every export carries.)
 */
import { type BinaryHash, fromBinary, MerkleFrontier, type OnMerkleNode, toBinary } from './format';

const siblingOf = (index: number) => (index % 2 === 0 ? index + 1 : index - 1);
const trailingZeros = (n: number) => {
  let zeros = 0;
  while (n % 2 ** (zeros + 1) === 0) zeros++;
  return zeros;
};

/** Collects the hashes that prove one node (at `level`, `index`) of the final tree. */
export class MerklePathCollector {
  readonly #level: number;
  readonly #index: number;
  /** The index of the wanted sibling at each level from `#level` on. */
  readonly #wanted: number[] = [];
  readonly #siblings: (BinaryHash | undefined)[] = [];
  #node: BinaryHash | undefined;

  constructor(level: number, index: number) {
    this.#level = level;
    this.#index = index;
    for (let h = level, ancestor = index; h < 64; h++, ancestor = Math.floor(ancestor / 2)) {
      this.#wanted[h] = siblingOf(ancestor);
    }
  }

  /** Give this to the frontier the leaves are pushed into. */
  readonly onNode: OnMerkleNode = (level, index, hash) => {
    if (level < this.#level) return;
    if (this.#wanted[level] === index) this.#siblings[level] = hash;
    else if (level === this.#level && index === this.#index) this.#node = hash;
  };

  /** The node itself, once the leaves under it have all been pushed. */
  get node(): Buffer | undefined {
    return this.#node === undefined ? undefined : fromBinary(this.#node);
  }

  /** The audit path of the node in the tree the frontier holds now (all its leaves pushed), lowest first. */
  path(frontier: MerkleFrontier): Buffer[] {
    const size = frontier.size;
    const proof: Buffer[] = [];
    for (let h = this.#level, ancestor = this.#index; ancestor !== 0 || 2 ** h < size; h++) {
      const sibling = siblingOf(ancestor);
      const start = sibling * 2 ** h;
      ancestor = Math.floor(ancestor / 2);
      if (start >= size) continue; // no right sibling at this level: the node is promoted
      const hash = start + 2 ** h <= size ? this.#siblings[h] : frontier.edgeHash(h);
      if (hash === undefined) throw new Error(`Merkle node at level ${h} was never completed`);
      proof.push(fromBinary(hash));
    }
    return proof;
  }
}

/** Streams an inclusion proof (RFC 9162 §2.1.3.1) for the leaf at `leafIndex`. */
export const inclusionProofCollector = (leafIndex: number) => new MerklePathCollector(0, leafIndex);

/**
 * Streams a consistency proof (RFC 9162 §2.1.4.1) from the tree of the first `size1` leaves to the final
 * tree: the largest complete subtree ending at leaf size1 − 1 (left out when it is the whole old tree),
 * then its audit path.
 */
export class ConsistencyProofCollector {
  readonly #size1: number;
  readonly #path: MerklePathCollector | undefined;
  /** When size1 is a power of two the old tree is that subtree, whose root the verifier already has. */
  readonly #oldTreeIsTheNode: boolean = false;

  constructor(size1: number) {
    this.#size1 = size1;
    if (size1 === 0) return;
    const level = trailingZeros(size1);
    this.#path = new MerklePathCollector(level, size1 / 2 ** level - 1);
    this.#oldTreeIsTheNode = size1 === 2 ** level;
  }

  readonly onNode: OnMerkleNode = (level, index, hash) => this.#path?.onNode(level, index, hash);

  proof(frontier: MerkleFrontier): Buffer[] {
    if (frontier.size < this.#size1)
      throw new Error(`the tree has ${frontier.size} leaves, fewer than ${this.#size1}`);
    if (this.#path === undefined || frontier.size === this.#size1) return [];
    const path = this.#path.path(frontier);
    const node = this.#path.node;
    if (this.#oldTreeIsTheNode) return path;
    if (node === undefined)
      throw new Error(`the subtree ending at leaf ${this.#size1 - 1} was never completed`);
    return [node, ...path];
  }
}

const treeOf = (leaves: readonly Buffer[], onNode?: OnMerkleNode) => {
  const frontier = new MerkleFrontier(onNode);
  for (const leaf of leaves) frontier.push(toBinary(leaf));
  return frontier;
};

/** MTH of leaf hashes held in memory (for tests and small trees; exports stream). */
export const merkleRoot = (leaves: readonly Buffer[]): Buffer => fromBinary(treeOf(leaves).root());

export const inclusionProof = (leaves: readonly Buffer[], leafIndex: number): Buffer[] => {
  if (!Number.isSafeInteger(leafIndex) || leafIndex < 0 || leafIndex >= leaves.length) {
    throw new RangeError(`leaf index ${leafIndex} is outside a tree of ${leaves.length} leaves`);
  }
  const collector = inclusionProofCollector(leafIndex);
  return collector.path(treeOf(leaves, collector.onNode));
};

export const consistencyProof = (leaves: readonly Buffer[], size1: number): Buffer[] => {
  if (!Number.isSafeInteger(size1) || size1 < 0 || size1 > leaves.length) {
    throw new RangeError(`tree size ${size1} is outside 0..${leaves.length}`);
  }
  const collector = new ConsistencyProofCollector(size1);
  return collector.proof(treeOf(leaves, collector.onNode));
};

import fc from 'fast-check';
import { EMPTY_TREE_ROOT, leafHash, nodeHash, verifyConsistency, verifyInclusion } from './format';
import { consistencyProof, inclusionProof, merkleRoot } from './merkle';

const hex = (value: string) => Buffer.from(value, 'hex');
const hexes = (values: readonly Buffer[]) => values.map((value) => value.toString('hex'));

// RFC 6962's published test data, as kept by the certificate-transparency reference tests
// (merkle_tree_test.cc) and transparency-dev/merkle (proof/verify_test.go): eight leaf inputs, the root of
// the tree of their first n for n = 1..8, and known inclusion and consistency proofs.
const rfcLeaves = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((data) => leafHash(hex(data)));

const rfcRoots = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

/** Leaf numbers are 1-based in the published vectors. */
const rfcInclusionProofs = [
  { leaf: 1, size: 1, proof: [] },
  {
    leaf: 1,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    leaf: 6,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { leaf: 3, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    leaf: 2,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];

const rfcConsistencyProofs = [
  { size1: 1, size2: 1, proof: [] },
  {
    size1: 1,
    size2: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    size1: 6,
    size2: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    size1: 2,
    size2: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    size1: 6,
    size2: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

// RFC 9162 §2.1.1, 2.1.3.1 and 2.1.4.1 written out as their recursive definitions: the oracle the
// streaming collectors are held to.
const largestPowerOfTwoBelow = (n: number) => 2 ** Math.floor(Math.log2(n - 1));
const mth = (d: readonly Buffer[]): Buffer => {
  if (d.length === 0) return EMPTY_TREE_ROOT;
  if (d.length === 1) return d[0]!;
  const k = largestPowerOfTwoBelow(d.length);
  return nodeHash(mth(d.slice(0, k)), mth(d.slice(k)));
};
const rfcPath = (m: number, d: readonly Buffer[]): Buffer[] => {
  if (d.length <= 1) return [];
  const k = largestPowerOfTwoBelow(d.length);
  return m < k
    ? [...rfcPath(m, d.slice(0, k)), mth(d.slice(k))]
    : [...rfcPath(m - k, d.slice(k)), mth(d.slice(0, k))];
};
const rfcSubproof = (m: number, d: readonly Buffer[], b: boolean): Buffer[] => {
  if (m === d.length) return b ? [] : [mth(d)];
  const k = largestPowerOfTwoBelow(d.length);
  return m <= k
    ? [...rfcSubproof(m, d.slice(0, k), b), mth(d.slice(k))]
    : [...rfcSubproof(m - k, d.slice(k), false), mth(d.slice(0, k))];
};

const leavesOf = (count: number, salt: number) =>
  Array.from({ length: count }, (_, i) => leafHash(Buffer.from(`event ${salt}/${i}`)));

describe('the Merkle tree (RFC 9162 §2.1)', () => {
  it('computes the roots of the RFC 6962 test vectors, and the empty tree hash', () => {
    rfcRoots.forEach((root, i) => expect(merkleRoot(rfcLeaves.slice(0, i + 1)).toString('hex')).toBe(root));
    expect(merkleRoot([]).toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it.each(rfcInclusionProofs)(
    'builds and verifies the published inclusion proof of leaf $leaf in tree $size',
    (vector) => {
      const leaves = rfcLeaves.slice(0, vector.size);
      const root = hex(rfcRoots[vector.size - 1]!);
      const proof = inclusionProof(leaves, vector.leaf - 1);
      expect(hexes(proof)).toEqual(vector.proof);
      expect(verifyInclusion(vector.leaf - 1, vector.size, rfcLeaves[vector.leaf - 1]!, proof, root)).toBe(
        true,
      );
    },
  );

  it.each(rfcConsistencyProofs)(
    'builds and verifies the published consistency proof $size1 → $size2',
    (vector) => {
      const proof = consistencyProof(rfcLeaves.slice(0, vector.size2), vector.size1);
      expect(hexes(proof)).toEqual(vector.proof);
      const root1 = hex(rfcRoots[vector.size1 - 1]!);
      const root2 = hex(rfcRoots[vector.size2 - 1]!);
      expect(verifyConsistency(vector.size1, vector.size2, root1, root2, proof)).toBe(true);
    },
  );

  it('streams exactly the proofs of the RFC definitions, for every tree up to 40 leaves', () => {
    const leaves = leavesOf(40, 0);
    for (let size = 1; size <= 40; size++) {
      const tree = leaves.slice(0, size);
      expect(merkleRoot(tree)).toEqual(mth(tree));
      for (let i = 0; i < size; i++) expect(hexes(inclusionProof(tree, i))).toEqual(hexes(rfcPath(i, tree)));
      for (let m = 1; m <= size; m++) {
        expect(hexes(consistencyProof(tree, m))).toEqual(hexes(rfcSubproof(m, tree, true)));
      }
    }
  });

  it('accepts the edge cases RFC 9162 allows and refuses impossible sizes', () => {
    const leaves = leavesOf(5, 1);
    const root = merkleRoot(leaves);
    expect(verifyConsistency(0, 5, EMPTY_TREE_ROOT, root, [])).toBe(true);
    expect(verifyConsistency(5, 5, root, root, [])).toBe(true);
    expect(verifyConsistency(5, 5, root, EMPTY_TREE_ROOT, [])).toBe(false);
    expect(verifyConsistency(5, 4, root, root, [])).toBe(false);
    expect(verifyConsistency(3, 5, merkleRoot(leaves.slice(0, 3)), root, [])).toBe(false);
    expect(verifyInclusion(5, 5, leaves[4]!, inclusionProof(leaves, 4), root)).toBe(false);
    expect(() => inclusionProof(leaves, 5)).toThrow(RangeError);
    expect(() => consistencyProof(leaves, 6)).toThrow(RangeError);
  });
});

const flipByte = (proof: readonly Buffer[], at: number, byte: number) =>
  proof.map((node, i) => {
    if (i !== at) return node;
    const changed = Buffer.from(node);
    changed[byte] = changed[byte]! ^ 0x10;
    return changed;
  });

const without = (proof: readonly Buffer[], at: number) => proof.filter((_, i) => i !== at);
const withInserted = (proof: readonly Buffer[], at: number, node: Buffer) => [
  ...proof.slice(0, at),
  node,
  ...proof.slice(at),
];

const treeWithLeaf = fc
  .record({ size: fc.integer({ min: 1, max: 300 }), salt: fc.nat() })
  .chain(({ size, salt }) =>
    fc.record({ size: fc.constant(size), salt: fc.constant(salt), index: fc.nat(size - 1) }),
  );

const twoSizes = fc
  .record({ size2: fc.integer({ min: 2, max: 300 }), salt: fc.nat() })
  .chain(({ size2, salt }) =>
    fc.record({
      size2: fc.constant(size2),
      salt: fc.constant(salt),
      size1: fc.integer({ min: 1, max: size2 - 1 }),
    }),
  );

describe('Merkle proofs, for any tree', () => {
  it('every inclusion proof verifies, and every altered one fails', () => {
    fc.assert(
      fc.property(
        treeWithLeaf,
        fc.nat(),
        fc.nat(31),
        fc.nat(),
        ({ size, salt, index }, pick, byte, other) => {
          const leaves = leavesOf(size, salt);
          const root = merkleRoot(leaves);
          const leaf = leaves[index]!;
          const proof = inclusionProof(leaves, index);
          expect(verifyInclusion(index, size, leaf, proof, root)).toBe(true);

          const wrongIndex = (index + 1 + (other % size)) % (size + 1);
          if (wrongIndex !== index) expect(verifyInclusion(wrongIndex, size, leaf, proof, root)).toBe(false);
          expect(verifyInclusion(index, size * 2, leaf, proof, root)).toBe(false);
          expect(verifyInclusion(index, Math.floor(size / 2), leaf, proof, root)).toBe(false);
          expect(verifyInclusion(index, size, leaves[(index + 1) % size]!, proof, root)).toBe(size === 1);
          const added = withInserted(proof, pick % (proof.length + 1), leaves[other % size]!);
          expect(verifyInclusion(index, size, leaf, added, root)).toBe(false);
          if (proof.length > 0) {
            const at = pick % proof.length;
            expect(verifyInclusion(index, size, leaf, flipByte(proof, at, byte), root)).toBe(false);
            expect(verifyInclusion(index, size, leaf, without(proof, at), root)).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every consistency proof verifies, and every altered one fails', () => {
    fc.assert(
      fc.property(twoSizes, fc.nat(), fc.nat(31), fc.nat(), ({ size1, size2, salt }, pick, byte, other) => {
        const leaves = leavesOf(size2, salt);
        const root1 = merkleRoot(leaves.slice(0, size1));
        const root2 = merkleRoot(leaves);
        const proof = consistencyProof(leaves, size1);
        expect(verifyConsistency(size1, size2, root1, root2, proof)).toBe(true);

        for (const wrongSize1 of [size1 - 1, size1 + 1, size1 ^ 2]) {
          if (wrongSize1 > 0 && wrongSize1 !== size1) {
            expect(verifyConsistency(wrongSize1, size2, root1, root2, proof)).toBe(false);
          }
        }
        expect(verifyConsistency(size1, size2 * 2, root1, root2, proof)).toBe(false);
        expect(verifyConsistency(size1, Math.floor(size2 / 2), root1, root2, proof)).toBe(false);
        expect(verifyConsistency(size1, size2, root2, root1, proof)).toBe(false);
        const rewritten = leaves.map((leaf, i) =>
          i === other % size1 ? leafHash(Buffer.from('rewritten')) : leaf,
        );
        expect(
          verifyConsistency(size1, size2, root1, merkleRoot(rewritten), consistencyProof(rewritten, size1)),
        ).toBe(false);
        const at = pick % proof.length;
        expect(verifyConsistency(size1, size2, root1, root2, flipByte(proof, at, byte))).toBe(false);
        expect(verifyConsistency(size1, size2, root1, root2, without(proof, at))).toBe(false);
        expect(verifyConsistency(size1, size2, root1, root2, withInserted(proof, at, root1))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

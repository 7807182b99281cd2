package org.ledgerboard.core.merkle;

import org.ledgerboard.core.canonical.Hashes;

/**
 * The right edge of an append-only RFC 9162 Merkle tree: the root of each complete subtree that no later leaf can
 * extend (one per bit set in the tree's size), which is all it takes to give the tree head at the current size.
 * For a reader that only ever asks the head of the tree it has grown so far (the auditor, comparing checkpoints as
 * it reaches their size): O(log n) memory where {@link MerkleTree}, which also answers proofs and earlier heads,
 * keeps every leaf — a replay of a million records kept 64 MB of them for nothing.
 */
public final class MerkleFrontier {
    /** Subtree roots by level, 32 bytes each: level k holds the root of 2^k leaves when bit k of size is set. */
    private final byte[] subtrees = new byte[Long.SIZE * Hashes.LENGTH];
    private final byte[] carry = new byte[Hashes.LENGTH];
    private long size;

    public void appendEntry(byte[] entry) {
        appendLeafHash(TreeHashes.leaf(entry));
    }

    public void appendLeafHash(byte[] leafHash) {
        TreeHashes.requireLeafHash(leafHash);
        System.arraycopy(leafHash, 0, carry, 0, Hashes.LENGTH);
        int level = 0;
        for (; (size >>> level & 1) == 1; level++) { // a complete subtree on this level: the two make one above
            TreeHashes.node(subtrees, level * Hashes.LENGTH, carry, carry);
        }
        System.arraycopy(carry, 0, subtrees, level * Hashes.LENGTH, Hashes.LENGTH);
        size++;
    }

    public long size() {
        return size;
    }

    /** MTH of the leaves so far: the subtrees folded from the smallest, each on the right of the next larger. */
    public byte[] rootHash() {
        if (size == 0) {
            return TreeHashes.emptyRoot();
        }
        int lowest = Long.numberOfTrailingZeros(size);
        byte[] root = new byte[Hashes.LENGTH];
        System.arraycopy(subtrees, lowest * Hashes.LENGTH, root, 0, Hashes.LENGTH);
        for (int level = lowest + 1; level < Long.SIZE; level++) {
            if ((size >>> level & 1) == 1) {
                TreeHashes.node(subtrees, level * Hashes.LENGTH, root, root);
            }
        }
        return root;
    }
}

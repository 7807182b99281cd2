package org.ledgerboard.core.merkle;

import org.ledgerboard.core.canonical.Hashes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An append-only RFC 9162 Merkle tree over leaf hashes, with tree heads, inclusion proofs and consistency proofs
 * for any earlier size. It keeps the hash of every complete (power-of-two, aligned) subtree, so a root or proof
 * costs O(log² n) hashes instead of rehashing the leaves.
 */
public final class MerkleTree {
    /**
     * levels.get(k) holds the hashes of the complete subtrees of 2^k leaves, left to right. Kept flat, 32 bytes
     * each in one array per level rather than an object per hash: a replay keeps every competition's tree, and a
     * million small arrays cost the garbage collector more than the hashing.
     */
    private final List<Level> levels = new ArrayList<>();

    public void appendEntry(byte[] entry) {
        appendLeafHash(TreeHashes.leaf(entry));
    }

    public void appendLeafHash(byte[] leafHash) {
        TreeHashes.requireLeafHash(leafHash);
        level(0).add(leafHash);
        for (int k = 0; level(k).size() % 2 == 0; k++) {
            Level lower = level(k);
            level(k + 1).add(TreeHashes.node(lower.get(lower.size() - 2), lower.get(lower.size() - 1)));
        }
    }

    public long size() {
        return levels.isEmpty() ? 0 : levels.get(0).size();
    }

    public byte[] leafHash(long index) {
        return level(0).get(Math.toIntExact(index));
    }

    public byte[] rootHash() {
        return rootHash(size());
    }

    /** The tree head the log had when it held {@code treeSize} leaves. */
    public byte[] rootHash(long treeSize) {
        checkSize(treeSize);
        return hash(0, treeSize);
    }

    /** PATH(m, D[n]) of RFC 9162 section 2.1.3.1: proves leaf {@code index} is in the tree of {@code treeSize}. */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        checkSize(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("leaf index " + index + " is outside a tree of size " + treeSize);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, treeSize, proof);
        return proof;
    }

    /** PROOF(m, D[n]) of RFC 9162 section 2.1.4.1: proves the tree of {@code second} extends that of {@code first}. */
    public List<byte[]> consistencyProof(long first, long second) {
        checkSize(second);
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("first size " + first + " must be between 0 and " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    private void path(long m, long start, long end, List<byte[]> proof) {
        long n = end - start;
        if (n <= 1) {
            return;
        }
        long k = TreeHashes.split(n);
        if (m < k) {
            path(m, start, start + k, proof);
            proof.add(hash(start + k, end));
        } else {
            path(m - k, start + k, end, proof);
            proof.add(hash(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean wholeFirstTree, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!wholeFirstTree) {
                proof.add(hash(start, end));
            }
            return;
        }
        long k = TreeHashes.split(n);
        if (m <= k) {
            subproof(m, start, start + k, wholeFirstTree, proof);
            proof.add(hash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, proof);
            proof.add(hash(start, start + k));
        }
    }

    /** MTH of leaves [start, end); complete aligned subtrees come from the cache. */
    private byte[] hash(long start, long end) {
        long n = end - start;
        if (n == 0) {
            return TreeHashes.emptyRoot();
        }
        if (Long.bitCount(n) == 1 && start % n == 0) {
            int k = Long.numberOfTrailingZeros(n);
            return level(k).get(Math.toIntExact(start / n));
        }
        long k = TreeHashes.split(n);
        return TreeHashes.node(hash(start, start + k), hash(start + k, end));
    }

    private Level level(int k) {
        while (levels.size() <= k) {
            levels.add(new Level());
        }
        return levels.get(k);
    }

    private void checkSize(long treeSize) {
        if (treeSize < 0 || treeSize > size()) {
            throw new IllegalArgumentException("tree size " + treeSize + " is outside 0.." + size());
        }
    }

    /** Hashes of one level, 32 bytes each in a growing array; {@link #get} hands out a copy. */
    private static final class Level {
        private byte[] hashes = new byte[Hashes.LENGTH * 4];
        private int size;

        void add(byte[] hash) {
            if (Math.multiplyExact(size + 1, Hashes.LENGTH) > hashes.length) {
                hashes = Arrays.copyOf(hashes, Math.multiplyExact(hashes.length, 2));
            }
            System.arraycopy(hash, 0, hashes, size * Hashes.LENGTH, Hashes.LENGTH);
            size++;
        }

        byte[] get(int index) {
            return Arrays.copyOfRange(hashes, index * Hashes.LENGTH, (index + 1) * Hashes.LENGTH);
        }

        int size() {
            return size;
        }
    }
}

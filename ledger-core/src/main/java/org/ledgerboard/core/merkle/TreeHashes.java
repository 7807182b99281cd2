package org.ledgerboard.core.merkle;

import org.ledgerboard.core.canonical.Hashes;

import java.security.DigestException;
import java.security.MessageDigest;

/** The RFC 9162 (section 2.1.1) hashes: leaves and interior nodes are domain-separated by a prefix byte. */
public final class TreeHashes {
    private static final byte[] EMPTY_ROOT = Hashes.sha256();

    private TreeHashes() {
    }

    /** MTH({}) = SHA-256 of the empty string. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    /** MTH({d}) = SHA-256(0x00 || d). */
    public static byte[] leaf(byte[] entry) {
        MessageDigest digest = Hashes.digest();
        digest.update((byte) 0x00);
        digest.update(entry);
        return digest.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = Hashes.digest();
        digest.update((byte) 0x01);
        digest.update(left); // whole: a proof's hash of another length must not verify
        digest.update(right);
        return digest.digest();
    }

    /**
     * SHA-256(0x01 || left || right) into {@code into}, the left hash read at {@code leftAt}: for a tree kept flat
     * ({@link MerkleFrontier}), without an array per hash. {@code into} may be {@code right}.
     */
    static void node(byte[] left, int leftAt, byte[] right, byte[] into) {
        MessageDigest digest = Hashes.digest();
        digest.update((byte) 0x01);
        digest.update(left, leftAt, Hashes.LENGTH);
        digest.update(right, 0, Hashes.LENGTH);
        try {
            digest.digest(into, 0, Hashes.LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("a SHA-256 digest fills 32 bytes", e);
        }
    }

    /** Refuses a leaf hash that is not a SHA-256. */
    static void requireLeafHash(byte[] leafHash) {
        if (leafHash.length != Hashes.LENGTH) {
            throw new IllegalArgumentException("a leaf hash has " + Hashes.LENGTH + " bytes, not " + leafHash.length);
        }
    }

    /** The largest power of two smaller than {@code n} (n >= 2): where RFC 9162 splits a tree of n leaves. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }
}

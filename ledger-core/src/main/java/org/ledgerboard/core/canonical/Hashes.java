package org.ledgerboard.core.canonical;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and the lowercase hex the ledger writes hashes in. */
public final class Hashes {
    public static final int LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();
    private static final MessageDigest SHA256 = lookUp();

    private Hashes() {
    }

    public static byte[] sha256(byte[]... parts) {
        MessageDigest digest = newDigest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    /** SHA-256 of {@code bytes} less the span [{@code from}, {@code to}) (none when {@code from} is negative). */
    public static byte[] sha256Without(byte[] bytes, int from, int to) {
        MessageDigest digest = newDigest();
        if (from < 0) {
            digest.update(bytes);
        } else {
            digest.update(bytes, 0, from);
            digest.update(bytes, to, bytes.length - to);
        }
        return digest.digest();
    }

    /** A fresh SHA-256 digest, cloned from a prototype: looking the algorithm up costs more than hashing a record. */
    public static MessageDigest newDigest() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 digest can be cloned", e);
        }
    }

    private static MessageDigest lookUp() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    public static byte[] fromHex(String hex) {
        return HEX.parseHex(hex);
    }
}

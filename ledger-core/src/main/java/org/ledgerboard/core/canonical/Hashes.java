package org.ledgerboard.core.canonical;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and the lowercase hex the ledger writes hashes in. */
public final class Hashes {
    public static final int LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();
    /**
     * One SHA-256 digest per thread, reused: cloning one per hash (its state is ~700 bytes) was a fifth of what an
     * audit allocated. A digest resets itself when it gives its result.
     */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Hashes::lookUp);

    private Hashes() {
    }

    public static byte[] sha256(byte[]... parts) {
        MessageDigest digest = digest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    /** SHA-256 of {@code bytes} less the span [{@code from}, {@code to}) (none when {@code from} is negative). */
    public static byte[] sha256Without(byte[] bytes, int from, int to) {
        MessageDigest digest = digest();
        if (from < 0) {
            digest.update(bytes);
        } else {
            digest.update(bytes, 0, from);
            digest.update(bytes, to, bytes.length - to);
        }
        return digest.digest();
    }

    /** This thread's SHA-256 digest, reset: give it all a hash's bytes and take the hash before hashing anything else. */
    public static MessageDigest digest() {
        MessageDigest digest = DIGEST.get();
        digest.reset(); // in case a hash was left unfinished by an exception
        return digest;
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

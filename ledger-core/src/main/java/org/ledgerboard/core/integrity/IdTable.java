package org.ledgerboard.core.integrity;

import org.bouncycastle.crypto.macs.SipHash;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Ids (byte strings), each with a value of fixed length (an event's content hash; none for a plain set), held in
 * flat arrays rather than as objects. An audit remembers every event id of the ledger and every act's id; as map
 * entries each would be three or four objects (node, string, its bytes, the hash) that every garbage collection
 * copies or marks again, and collections were a third of a replay's time. The maps of the libraries at hand
 * (java.util, and fastutil's or HPPC's open-addressing ones) all keep a key object per entry, hence this table.
 * <p>
 * Open addressing with linear probing over an {@code int} table of entry offsets; each entry (key length, key,
 * value) is appended to one growing byte array. Keys are hashed with SipHash-2-4 under a random key per table: a
 * keyed hash, so that ids chosen to collide cannot slow an audit down to quadratic time. Not thread-safe: each audit
 * shard keeps its own.
 */
public final class IdTable {
    private static final int EMPTY = 0;
    private static final int LENGTH_BYTES = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int valueLength;
    private final SipHash hasher = new SipHash();
    private byte[] entries = new byte[256];
    private int used;
    /** Per slot, the offset of its entry plus one (EMPTY when free), and the key's hash to skip most others unread. */
    private int[] offsets = new int[16];
    private int[] hashes = new int[16];
    private int size;

    public IdTable(int valueLength) {
        if (valueLength < 0) {
            throw new IllegalArgumentException("value length " + valueLength + " is negative");
        }
        this.valueLength = valueLength;
        byte[] hashKey = new byte[16];
        RANDOM.nextBytes(hashKey);
        hasher.init(new KeyParameter(hashKey));
    }

    /**
     * A key made of several strings, each prefixed by its length in bytes so that no two lists of parts make the
     * same key ({@code "a", "bc"} and {@code "ab", "c"} differ). A null part is not allowed.
     */
    public static byte[] key(String... parts) {
        byte[][] bytes = new byte[parts.length][];
        int length = 0;
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = parts[i].getBytes(StandardCharsets.UTF_8);
            length += LENGTH_BYTES + bytes[i].length;
        }
        byte[] key = new byte[length];
        int at = 0;
        for (byte[] part : bytes) {
            writeInt(key, at, part.length);
            System.arraycopy(part, 0, key, at + LENGTH_BYTES, part.length);
            at += LENGTH_BYTES + part.length;
        }
        return key;
    }

    /** Adds the key with its value unless the table holds the key: returns -1 when added, else the entry holding it. */
    public int putIfAbsent(byte[] key, byte[] value) {
        if (value.length != valueLength) {
            throw new IllegalArgumentException("value of " + value.length + " bytes, the table holds " + valueLength);
        }
        int hash = hash(key);
        int mask = offsets.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            if (offsets[slot] == EMPTY) {
                offsets[slot] = append(key, value) + 1;
                hashes[slot] = hash;
                if (++size * 2 > offsets.length) {
                    rehash();
                }
                return -1;
            }
            if (hashes[slot] == hash && keyEquals(offsets[slot] - 1, key)) {
                return offsets[slot] - 1;
            }
        }
    }

    public boolean contains(byte[] key) {
        int hash = hash(key);
        int mask = offsets.length - 1;
        for (int slot = hash & mask; offsets[slot] != EMPTY; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && keyEquals(offsets[slot] - 1, key)) {
                return true;
            }
        }
        return false;
    }

    /** True if the entry {@link #putIfAbsent} returned holds this value. */
    public boolean valueEquals(int entry, byte[] value) {
        int from = entry + LENGTH_BYTES + readInt(entries, entry);
        return Arrays.equals(entries, from, from + valueLength, value, 0, value.length);
    }

    public int size() {
        return size;
    }

    private int append(byte[] key, byte[] value) {
        long needed = (long) used + LENGTH_BYTES + key.length + valueLength;
        if (needed > entries.length) {
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than 2 GiB of ids in one table");
            }
            entries = Arrays.copyOf(entries, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * entries.length)));
        }
        int entry = used;
        writeInt(entries, entry, key.length);
        System.arraycopy(key, 0, entries, entry + LENGTH_BYTES, key.length);
        System.arraycopy(value, 0, entries, entry + LENGTH_BYTES + key.length, valueLength);
        used = (int) needed;
        return entry;
    }

    private boolean keyEquals(int entry, byte[] key) {
        int from = entry + LENGTH_BYTES;
        return readInt(entries, entry) == key.length
                && Arrays.equals(entries, from, from + key.length, key, 0, key.length);
    }

    private void rehash() {
        int[] oldOffsets = offsets;
        int[] oldHashes = hashes;
        offsets = new int[oldOffsets.length * 2];
        hashes = new int[offsets.length];
        int mask = offsets.length - 1;
        for (int i = 0; i < oldOffsets.length; i++) {
            if (oldOffsets[i] != EMPTY) {
                int slot = oldHashes[i] & mask;
                while (offsets[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                offsets[slot] = oldOffsets[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }

    private int hash(byte[] key) {
        hasher.update(key, 0, key.length);
        long h = hasher.doFinal(); // and resets, for the next key
        return (int) (h ^ (h >>> 32));
    }

    private static void writeInt(byte[] to, int at, int value) {
        to[at] = (byte) (value >>> 24);
        to[at + 1] = (byte) (value >>> 16);
        to[at + 2] = (byte) (value >>> 8);
        to[at + 3] = (byte) value;
    }

    private static int readInt(byte[] from, int at) {
        return (from[at] & 0xff) << 24 | (from[at + 1] & 0xff) << 16 | (from[at + 2] & 0xff) << 8 | from[at + 3] & 0xff;
    }
}

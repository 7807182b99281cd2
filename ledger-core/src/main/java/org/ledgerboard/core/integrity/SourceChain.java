package org.ledgerboard.core.integrity;

import org.ledgerboard.core.canonical.Hashes;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The hash chain of one source in one competition: {@code h_i = SHA-256(h_{i-1} || hash_i)} over its distinct
 * events in partition order, {@code h_0} = 32 zero bytes. A byte-identical re-publication (same id, same hash) is
 * skipped; the same id with another hash is a fork.
 */
public final class SourceChain {
    /** What appending an event did to the chain. */
    public enum Outcome { APPENDED, DUPLICATE, FORK }

    /** Hashes as bytes: a replay keeps one per event, and hex would double what it holds. */
    private final Map<String, byte[]> hashById = new HashMap<>();
    private byte[] head = new byte[Hashes.LENGTH];
    private long count;

    public Outcome append(String eventId, String hashHex) {
        byte[] hash = Hashes.fromHex(hashHex);
        byte[] known = hashById.putIfAbsent(eventId, hash);
        if (known != null) {
            return Arrays.equals(known, hash) ? Outcome.DUPLICATE : Outcome.FORK;
        }
        head = Hashes.sha256(head, hash);
        count++;
        return Outcome.APPENDED;
    }

    /** True if the chain already holds an event with this id. */
    public boolean holds(String eventId) {
        return hashById.containsKey(eventId);
    }

    public long count() {
        return count;
    }

    public String head() {
        return Hashes.hex(head);
    }
}

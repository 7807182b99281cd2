package org.ledgerboard.core.integrity;

import org.ledgerboard.core.canonical.Hashes;

import java.nio.charset.StandardCharsets;

/**
 * The hash chain of one source in one competition: {@code h_i = SHA-256(h_{i-1} || hash_i)} over its distinct
 * events in partition order, {@code h_0} = 32 zero bytes. A byte-identical re-publication (same id, same hash) is
 * skipped; the same id with another hash is a fork.
 */
public final class SourceChain {
    /** What appending an event did to the chain. */
    public enum Outcome { APPENDED, DUPLICATE, FORK }

    /** Each event's id with its hash, as bytes held flat: a replay keeps one per event of the ledger. */
    private final IdTable hashById = new IdTable(Hashes.LENGTH);
    private byte[] head = new byte[Hashes.LENGTH];
    private long count;

    public Outcome append(String eventId, String hashHex) {
        byte[] hash = Hashes.fromHex(hashHex);
        int known = hashById.putIfAbsent(key(eventId), hash);
        if (known >= 0) {
            return hashById.valueEquals(known, hash) ? Outcome.DUPLICATE : Outcome.FORK;
        }
        head = Hashes.sha256(head, hash);
        count++;
        return Outcome.APPENDED;
    }

    /** True if the chain already holds an event with this id. */
    public boolean holds(String eventId) {
        return hashById.contains(key(eventId));
    }

    private static byte[] key(String eventId) {
        return eventId.getBytes(StandardCharsets.UTF_8);
    }

    public long count() {
        return count;
    }

    public String head() {
        return Hashes.hex(head);
    }
}

package org.ledgerboard.core.event;

import java.time.Instant;

/**
 * One record of the ledger: an event in its CloudEvents 1.0 envelope. {@code sequence} is the event's number in
 * its aggregate; {@code hash} is the SHA-256 of the record's RFC 8785 bytes without {@code hash}, null until
 * {@link EventCodec#stamp} computes it. {@code actor} is who took the act (null only on seals, which carry their
 * source's signature instead, and on records from before actors were recorded).
 */
public record LedgerRecord(String id, String source, @Nullable String subject, Instant time, String aggregateId,
                           long sequence, @Nullable Actor actor, LedgerEvent data, @Nullable String hash) {

    /** A record without an actor: a seal. */
    public LedgerRecord(String id, String source, @Nullable String subject, Instant time, String aggregateId,
                        long sequence, LedgerEvent data, @Nullable String hash) {
        this(id, source, subject, time, aggregateId, sequence, null, data, hash);
    }

    public String type() {
        return EventTypes.typeOf(data);
    }

    public String competitionId() {
        return data.competitionId();
    }

    public LedgerRecord withHash(String newHash) {
        return new LedgerRecord(id, source, subject, time, aggregateId, sequence, actor, data, newHash);
    }
}

package org.ledgerboard.service.ledger;

import org.ledgerboard.core.event.LedgerRecord;

/**
 * A service's response to records other services put on the ledger. It must be idempotent: a record may be
 * delivered again after a restart, and the record's id is the dedupe key.
 */
public interface LedgerReaction {
    void react(LedgerRecord record, LedgerPosition position);

    /**
     * Whether the reaction wants records of this CloudEvents type at all; a record whose type (told by its
     * {@link org.ledgerboard.kafka.LedgerTopics#TYPE_HEADER}) no reaction wants is skipped without being parsed.
     */
    default boolean wants(String type) {
        return true;
    }

    /**
     * Whether someone waits for the reaction's effect (a decision the public watches for), so the subscription is
     * to hand it each record as soon as it is on the topic; otherwise it reads in batches, up to 20 ms late, which
     * costs the broker less under load.
     */
    default boolean live() {
        return false;
    }

    /**
     * The partitions this instance reads changed (a start, a rebalance): whatever the reaction keeps of records it
     * saw may miss what another instance saw meanwhile, so it is to be rebuilt from the ledger.
     */
    default void partitionsChanged() {
    }
}

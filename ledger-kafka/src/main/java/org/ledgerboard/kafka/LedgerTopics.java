package org.ledgerboard.kafka;

import java.util.List;
import java.util.Map;

/**
 * The ledger's topics, as the contract names them. They are created explicitly and never by auto-creation, with
 * {@link #KEEP_FOREVER}: Kafka's default retention is 7 days and a ledger must never expire ({@link LedgerTopicSetup}).
 */
public final class LedgerTopics {
    public static final String EVENTS = "ledger.events";
    public static final String CHECKPOINTS = "ledger.checkpoints";
    public static final List<String> ALL = List.of(EVENTS, CHECKPOINTS);
    /**
     * A Kafka header naming a record's CloudEvents {@code type}, written with each record by the services' writer, so
     * that a reader interested in a few types skips the others without parsing them. A hint outside the signed
     * record: the auditor and projections read every record whatever it says.
     */
    public static final String TYPE_HEADER = "ledger-type";
    /** Likewise, the record's CloudEvents {@code source}: a service watching for its own records skips the others. */
    public static final String SOURCE_HEADER = "ledger-source";

    /** Topic settings (Kafka's names) under which every record is kept forever. */
    public static final Map<String, String> KEEP_FOREVER = Map.of(
            "retention.ms", "-1",
            "retention.bytes", "-1",
            "cleanup.policy", "delete");

    private LedgerTopics() {
    }
}

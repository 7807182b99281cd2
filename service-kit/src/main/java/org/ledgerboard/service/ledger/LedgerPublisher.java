package org.ledgerboard.service.ledger;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.ledgerboard.core.event.LedgerEvent;

/**
 * The outbox: a single-segment tracking processor hands every stored event to {@link LedgerWriter}, in store
 * order, and saves its token only after the broker acknowledged. A crash in between re-publishes the same events,
 * and because every field comes from the stored event, the copies are byte-identical.
 */
@Singleton
@ProcessingGroup(LedgerPublisher.PROCESSING_GROUP)
public class LedgerPublisher {
    public static final String PROCESSING_GROUP = "ledger-publisher";
    /** Metadata of a stored event copied from the ledger (e.g. another service's decision): already published. */
    public static final String FROM_LEDGER = "fromLedger";

    private final LedgerWriter writer;

    LedgerPublisher(LedgerWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(LedgerEvent event, EventMessage<?> message) {
        if (message.getMetaData().containsKey(FROM_LEDGER)) {
            return;
        }
        writer.publish(StoredEvents.toRecord(writer.source(), (DomainEventMessage<?>) message));
    }
}

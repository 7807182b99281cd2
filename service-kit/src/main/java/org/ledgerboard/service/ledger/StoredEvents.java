package org.ledgerboard.service.ledger;

import org.axonframework.eventhandling.DomainEventMessage;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.LedgerRecord;

/** The ledger record of a stored Axon event: the same function for the publisher and for REST receipts. */
final class StoredEvents {
    private StoredEvents() {
    }

    static LedgerRecord toRecord(String source, DomainEventMessage<?> stored) {
        return EventCodec.stamp(new LedgerRecord(stored.getIdentifier(), source, null, stored.getTimestamp(),
                stored.getAggregateIdentifier(), stored.getSequenceNumber(), (LedgerEvent) stored.getPayload(), null));
    }
}

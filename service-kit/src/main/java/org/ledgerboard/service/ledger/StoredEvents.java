package org.ledgerboard.service.ledger;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.service.axon.ActorMetaData;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The ledger record of a stored Axon event: the same function for the publisher and for REST receipts. Time is
 * kept to the millisecond, the precision every event store keeps, so the event as dispatched and as read back
 * from the store give the same bytes and the same hash. The actor is the one the command carried.
 */
final class StoredEvents {
    /** Metadata of a stored event copied from the ledger (restored after the store lost it): already published. */
    static final String FROM_LEDGER = "fromLedger";

    private StoredEvents() {
    }

    /** Of the events being dispatched, those this service recorded itself (not copies restored from the ledger). */
    static List<DomainEventMessage<?>> recordedHere(List<? extends EventMessage<?>> messages) {
        return messages.stream()
                .filter(m -> m instanceof DomainEventMessage<?> && !m.getMetaData().containsKey(FROM_LEDGER))
                .<DomainEventMessage<?>>map(m -> (DomainEventMessage<?>) m)
                .toList();
    }

    /** The W3C trace context of the act that recorded the event, as its metadata keeps it; empty if none. */
    static Map<String, ?> traceOf(DomainEventMessage<?> stored) {
        return stored.getMetaData();
    }

    /**
     * True if both events were recorded by the same command: Axon's {@link MessageOriginProvider} stamps each event
     * with the identifier of the message that caused it. Events stored without it are each taken on their own.
     */
    static boolean sameCommand(DomainEventMessage<?> one, DomainEventMessage<?> other) {
        Object command = one.getMetaData().get(MessageOriginProvider.getDefaultCorrelationKey());
        return command != null && command.equals(other.getMetaData().get(MessageOriginProvider.getDefaultCorrelationKey()));
    }

    static LedgerRecord toRecord(String source, DomainEventMessage<?> stored) {
        return EventCodec.stamp(new LedgerRecord(stored.getIdentifier(), source, null,
                stored.getTimestamp().truncatedTo(ChronoUnit.MILLIS), stored.getAggregateIdentifier(),
                stored.getSequenceNumber(), ActorMetaData.actorOf(stored.getMetaData()), (LedgerEvent) stored.getPayload(),
                null));
    }
}

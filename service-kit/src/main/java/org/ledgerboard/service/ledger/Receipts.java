package org.ledgerboard.service.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.service.axon.AxonModule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Sends a command and issues the receipt of the event it recorded. The event is caught as the command's unit of
 * work dispatches it (same thread), then read back from the store, so the receipt's hash is the one the publisher
 * will put on the ledger.
 */
@ApplicationScoped
public class Receipts {
    private static final ThreadLocal<List<DomainEventMessage<?>>> RECORDED = new ThreadLocal<>();

    private final CommandGateway commands;
    private final EventStore events;
    private final LedgerConfig config;

    Receipts(CommandGateway commands, EventStore events, LedgerConfig config) {
        this.commands = commands;
        this.events = events;
        this.config = config;
    }

    /** Registers the interceptor that shows {@link #issue} the events its command recorded. */
    @ApplicationScoped
    static class Capture implements AxonModule {
        @Override
        public void configure(Configurer configurer) {
            configurer.onInitialize(c -> c.onStart(() ->
                    c.eventStore().registerDispatchInterceptor(Receipts::catchRecorded)));
        }
    }

    private static BiFunction<Integer, EventMessage<?>, EventMessage<?>> catchRecorded(
            List<? extends EventMessage<?>> messages) {
        List<DomainEventMessage<?>> recorded = RECORDED.get();
        if (recorded != null) {
            messages.stream().filter(DomainEventMessage.class::isInstance)
                    .forEach(m -> recorded.add((DomainEventMessage<?>) m));
        }
        return (index, message) -> message;
    }

    /** Sends the command and waits; rule violations come back as the exceptions the aggregate threw. */
    public Receipt issue(String id, Object command) {
        List<DomainEventMessage<?>> recorded = new ArrayList<>();
        RECORDED.set(recorded);
        try {
            commands.sendAndWait(command);
        } finally {
            RECORDED.remove();
        }
        if (recorded.isEmpty()) {
            throw new IllegalStateException(command.getClass().getSimpleName() + " recorded no event");
        }
        DomainEventMessage<?> first = recorded.get(0);
        DomainEventStream stored = events.readEvents(first.getAggregateIdentifier(), first.getSequenceNumber());
        LedgerRecord record = StoredEvents.toRecord(config.source(), stored.next());
        return new Receipt(id, record.id(), record.hash());
    }
}

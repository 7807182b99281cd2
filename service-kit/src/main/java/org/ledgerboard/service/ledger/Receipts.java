package org.ledgerboard.service.ledger;

import org.ledgerboard.service.ServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.service.axon.AxonModule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Sends a command and issues the receipt of the event it recorded. The event is caught as the command's unit of
 * work dispatches it (same thread) and turned into its ledger record by the function the publisher uses, so the
 * receipt's hash is the one the ledger will carry.
 */
@ApplicationScoped
public class Receipts {
    private static final ThreadLocal<List<DomainEventMessage<?>>> RECORDED = new ThreadLocal<>();

    private final CommandGateway commands;
    private final ServiceConfig config;

    Receipts(CommandGateway commands, ServiceConfig config) {
        this.commands = commands;
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

    /** Sends the command and waits; the receipt is of its last event (e.g. RoundClosed after the RoundScored). */
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
        LedgerRecord record = StoredEvents.toRecord(config.source(), recorded.get(recorded.size() - 1));
        return new Receipt(id, record.id(), record.hash());
    }
}

package org.ledgerboard.service.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jboss.logging.Logger;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.service.ServiceConfig;
import org.ledgerboard.service.axon.AxonModule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Sends a command and issues the receipt of the event it recorded, once that event is on the ledger. The event is
 * caught as the command's unit of work dispatches it (same thread) and turned into its ledger record by the
 * function the publisher uses, so the receipt's hash is the one the ledger carries.
 */
@ApplicationScoped
public class Receipts {
    private static final ThreadLocal<List<DomainEventMessage<?>>> RECORDED = new ThreadLocal<>();

    private static final Logger LOG = Logger.getLogger(Receipts.class);
    private static final Duration LEDGER_WAIT = Duration.ofSeconds(30);

    private final CommandGateway commands;
    private final ServiceConfig config;
    private final LedgerWriter ledger;

    Receipts(CommandGateway commands, ServiceConfig config, LedgerWriter ledger) {
        this.commands = commands;
        this.config = config;
        this.ledger = ledger;
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
        DomainEventMessage<?> last = recorded.get(recorded.size() - 1);
        LedgerRecord record = StoredEvents.toRecord(config.source(), last);
        try {
            if (!ledger.awaitPublished(last.getAggregateIdentifier(), last.getSequenceNumber(), LEDGER_WAIT)) {
                LOG.warnf("event %s is stored but not yet on the ledger after %s", record.id(), LEDGER_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Receipt(id, record.id(), record.hash());
    }
}

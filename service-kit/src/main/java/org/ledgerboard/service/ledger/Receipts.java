package org.ledgerboard.service.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.service.ServiceConfig;
import org.ledgerboard.service.api.Actors;
import org.ledgerboard.service.api.ClientRequests;
import org.ledgerboard.service.api.ProblemException;
import org.ledgerboard.service.axon.ActorMetaData;
import org.ledgerboard.service.axon.CommandTargets;
import org.ledgerboard.service.axon.AxonModule;
import org.ledgerboard.service.axon.OncePerRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Sends a command and issues the receipt of the event it recorded, once that event is on the ledger. The event is
 * caught as the command's unit of work dispatches it (same thread) and turned into its ledger record by the
 * function the publisher uses, so the receipt's hash is the one the ledger carries. A repeated request records
 * nothing and gets the receipt of what its first delivery recorded ({@link OncePerRequest}). A receipt is never
 * given for an event the ledger does not hold: if it is not there within {@link #LEDGER_WAIT}, the answer is 503
 * and the event is published as soon as the broker is back, for the retry to get its receipt.
 */
@ApplicationScoped
public class Receipts {
    private static final ThreadLocal<List<DomainEventMessage<?>>> RECORDED = new ThreadLocal<>();
    // Long enough for a record handed from another instance to the publisher, and for a transaction to commit on a
    // replicated cluster still warming up (first commands after a start took 4-5 s there); short enough that a
    // client learns of an unreachable broker well within 10 s.
    static final Duration LEDGER_WAIT = Duration.ofSeconds(6);
    private static final int STALE_COPY_RETRIES = 5;

    private final CommandGateway commands;
    private final EventStore events;
    private final ServiceConfig config;
    private final LedgerWriter ledger;
    private final ClientRequests requests;
    private final Actors actors;
    private final StoreReconciliation reconciliation;

    Receipts(CommandGateway commands, EventStore events, ServiceConfig config, LedgerWriter ledger,
             ClientRequests requests, Actors actors, StoreReconciliation reconciliation) {
        this.actors = actors;
        this.reconciliation = reconciliation;
        this.commands = commands;
        this.events = events;
        this.config = config;
        this.ledger = ledger;
        this.requests = requests;
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

    /** The id a command creates: the client's, or one derived from the request, so that a retry names it again. */
    public String idOrDerived(String value, String field) {
        return requests.idOrDerived(value, field);
    }

    /** Sends the command and waits; the receipt is of its last event (e.g. RoundClosed after the RoundScored). */
    public Receipt issue(String id, Object command) {
        if (!reconciliation.done()) {
            throw ProblemException.unavailable("starting: the store is not yet checked against the ledger");
        }
        Map<String, String> metaData = new HashMap<>(ActorMetaData.of(actors.current()));
        String request = requests.currentId();
        if (request != null) {
            metaData.put(OncePerRequest.REQUEST, request);
            metaData.put(OncePerRequest.INPUT, requests.currentFingerprint());
        }
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
        List<DomainEventMessage<?>> recorded = new ArrayList<>();
        Object result = sendRetryingStaleCopies(message, recorded);
        if (recorded.isEmpty()) {
            requests.markReplayed();
        }
        DomainEventMessage<?> last = recorded.isEmpty() ? recordedBefore(message, result)
                : recorded.get(recorded.size() - 1);
        LedgerRecord record = StoredEvents.toRecord(config.source(), last);
        if (!onTheLedger(last)) {
            throw ProblemException.unavailable("event " + record.id() + " is recorded but the ledger does not hold it "
                    + "yet (its broker cannot be reached); retry with the same Idempotency-Key for its receipt");
        }
        return new Receipt(id, record.id(), record.hash());
    }

    /**
     * Another instance of the service may have changed the aggregate since this one cached it: the append then
     * meets the store's unique (aggregate, sequence) index, the copy is dropped with the rolled-back unit of work,
     * and the command is decided again on the aggregate as stored.
     */
    private Object sendRetryingStaleCopies(CommandMessage<?> message, List<DomainEventMessage<?>> recorded) {
        RECORDED.set(recorded);
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return commands.sendAndWait(message);
                } catch (ConcurrencyException e) {
                    if (attempt == STALE_COPY_RETRIES) {
                        throw e;
                    }
                    recorded.clear(); // rolled back
                }
            }
        } finally {
            RECORDED.remove();
        }
    }

    private DomainEventMessage<?> recordedBefore(CommandMessage<?> command, Object result) {
        if (!(result instanceof OncePerRequest.Recorded earlier)) {
            throw new IllegalStateException(command.getPayloadType().getSimpleName() + " recorded no event");
        }
        String aggregateId = CommandTargets.RESOLVER.resolveTarget(command).getIdentifier();
        return events.readEvents(aggregateId, earlier.sequence()).next();
    }

    private boolean onTheLedger(DomainEventMessage<?> event) {
        try {
            return ledger.awaitPublished(event.getAggregateIdentifier(), event.getSequenceNumber(), LEDGER_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

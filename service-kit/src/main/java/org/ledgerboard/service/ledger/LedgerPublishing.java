package org.ledgerboard.service.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.service.axon.AxonModule;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/**
 * The fast path from the store to the ledger: the records of the events a command recorded are queued as soon as its
 * unit of work has committed them to the store, still under the aggregate's lock, and one thread hands them to
 * {@link LedgerWriter} in that order, so an aggregate's events are sent in sequence order and a command's answer
 * waits for nothing but its own records' acks (never for a broker that is away: the queue does). The store
 * stays the outbox: whatever this path cannot send (the chains are being rebuilt, an earlier event of the aggregate
 * is not yet on its way, a send failed) {@link LedgerCatchUp} publishes from the store, asked at once; what a dead
 * process committed but never sent, at the next start.
 */
@ApplicationScoped
class LedgerPublishing implements AxonModule {
    private final LedgerWriter writer;
    private final LedgerCatchUp catchUp;
    private final Executor sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ledger-fast-path");
        thread.setDaemon(true); // what it has not sent at exit is in the store: the next start publishes it
        return thread;
    });

    LedgerPublishing(LedgerWriter writer, LedgerCatchUp catchUp) {
        this.writer = writer;
        this.catchUp = catchUp;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.onInitialize(c -> c.onStart(() -> c.eventStore().registerDispatchInterceptor(this::onCommit)));
    }

    private BiFunction<Integer, EventMessage<?>, EventMessage<?>> onCommit(List<? extends EventMessage<?>> messages) {
        List<DomainEventMessage<?>> recorded = StoredEvents.recordedHere(messages);
        if (!recorded.isEmpty()) {
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(u ->
                    sender.execute(() -> writer.together(() -> recorded.forEach(this::send)))));
        }
        return (index, message) -> message;
    }

    private void send(DomainEventMessage<?> event) {
        LedgerRecord record = StoredEvents.toRecord(writer.source(), event);
        writer.publishIfNext(record, StoredEvents.traceOf(event)).ifPresentOrElse(
                acked -> acked.whenComplete((ok, failure) -> {
                    if (failure != null) {
                        catchUp.request(record.aggregateId());
                    }
                }),
                () -> catchUp.request(record.aggregateId()));
    }
}

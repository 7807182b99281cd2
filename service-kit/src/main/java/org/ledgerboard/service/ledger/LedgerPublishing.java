package org.ledgerboard.service.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.service.axon.AxonModule;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The fast path from the store to the ledger: the records of the events a command recorded are queued for the
 * publisher ({@link LedgerWriter}) as soon as its unit of work has committed them to the store, on the command's
 * thread and still under the aggregate's lock, so an aggregate's events are sent in sequence order. Queuing never
 * waits for the broker (the publisher's thread does), and a command's answer waits for nothing but its own records'
 * acks; no thread of its own in between, as each hand-off is a park and an unpark per command. The store
 * stays the outbox: whatever this path cannot send (the chains are being rebuilt, an earlier event of the aggregate
 * is not yet on its way, a send failed) {@link LedgerCatchUp} publishes from the store, asked at once; what a dead
 * process committed but never sent, at the next start.
 */
@ApplicationScoped
class LedgerPublishing implements AxonModule {
    private final LedgerWriter writer;
    private final LedgerCatchUp catchUp;

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
                    writer.together(() -> recorded.forEach(this::send))));
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

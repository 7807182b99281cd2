package org.ledgerboard.service.ledger;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventMessage;
import org.ledgerboard.service.axon.AxonModule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The gauge {@code ledgerboard.publisher.backlog}: events this process recorded that the ledger does not hold yet
 * (per aggregate, the highest sequence recorded minus the highest published; sequences are contiguous). It grows
 * while the broker is away and falls back to zero as the outbox catches up.
 */
@ApplicationScoped
class PublisherBacklog implements AxonModule {
    private final Map<String, Long> recordedUpTo = new HashMap<>();
    private final LedgerWriter ledger;

    PublisherBacklog(LedgerWriter ledger, MeterRegistry metrics) {
        this.ledger = ledger;
        metrics.gauge("ledgerboard.publisher.backlog", this, PublisherBacklog::size);
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.onInitialize(c -> c.onStart(() -> c.eventStore().registerDispatchInterceptor(this::recorded)));
    }

    private BiFunction<Integer, EventMessage<?>, EventMessage<?>> recorded(List<? extends EventMessage<?>> messages) {
        synchronized (recordedUpTo) {
            StoredEvents.recordedHere(messages)
                    .forEach(m -> recordedUpTo.merge(m.getAggregateIdentifier(), m.getSequenceNumber(), Math::max));
        }
        return (index, message) -> message;
    }

    double size() {
        Map<String, Long> published = ledger.publishedOnLedger();
        synchronized (recordedUpTo) {
            return recordedUpTo.entrySet().stream()
                    .mapToLong(e -> Math.max(0, e.getValue() - published.getOrDefault(e.getKey(), -1L)))
                    .sum();
        }
    }
}

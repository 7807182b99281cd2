package org.ledgerboard.service.ledger;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.jboss.logging.Logger;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.InvalidRecordException;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.LedgerSealed;
import org.ledgerboard.kafka.LedgerReader;
import org.ledgerboard.service.ServiceConfig;
import org.ledgerboard.service.axon.ActorMetaData;
import org.ledgerboard.service.axon.AxonRuntime;
import org.ledgerboard.service.axon.StartupOrder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger is the truth, and the service's event store follows it. At start, before Axon takes a command, every
 * event of this service's source that the ledger holds and the store lacks (a store that lost acknowledged writes)
 * is restored into the store, as the ledger has it and marked as already published. A store ahead of the ledger
 * needs nothing here: {@link LedgerCatchUp} publishes what the ledger lacks.
 */
@ApplicationScoped
public class StoreReconciliation {
    private static final Logger LOG = Logger.getLogger(StoreReconciliation.class);

    private final ServiceConfig config;
    private final LedgerWriter ledger;
    private final AxonRuntime axon;
    private final MongoEventStorageEngine storage;
    private volatile boolean done;

    StoreReconciliation(ServiceConfig config, LedgerWriter ledger, AxonRuntime axon) {
        this.config = config;
        this.ledger = ledger;
        this.axon = axon;
        this.storage = axon.storage();
    }

    void reconcile(@Observes @Priority(StartupOrder.RECONCILIATION) StartupEvent startup) {
        if (!ledger.ready()) {
            throw new IllegalStateException("the ledger cannot be read, so the store cannot be checked against it");
        }
        Map<String, Long> storedUpTo = behindTheLedger();
        if (!storedUpTo.isEmpty()) {
            List<DomainEventMessage<?>> missing = missingEvents(storedUpTo);
            try {
                storage.appendEvents(missing);
            } catch (RuntimeException e) { // another instance starting restored them first: fine if nothing lacks
                if (!behindTheLedger().isEmpty()) {
                    throw e;
                }
            }
            LOG.warnf("%s: the store was behind the ledger; restored %d events of %d aggregates from the ledger",
                    config.source(), missing.size(), storedUpTo.size());
        }
        done = true;
    }

    /** Aggregate -> last stored sequence, of each aggregate whose stored events are fewer than the ledger's. */
    private Map<String, Long> behindTheLedger() {
        Map<String, Long> storedUpTo = new HashMap<>();
        Map<String, Long> lastStored = axon.lastSequences();
        ledger.publishedOnLedger().forEach((aggregate, onLedger) -> {
            long stored = lastStored.getOrDefault(aggregate, -1L);
            if (stored < onLedger) {
                storedUpTo.put(aggregate, stored);
            }
        });
        return storedUpTo;
    }

    /** True once the store holds everything the ledger holds of this source. */
    public boolean done() {
        return done;
    }

    private List<DomainEventMessage<?>> missingEvents(Map<String, Long> storedUpTo) {
        Map<String, DomainEventMessage<?>> missing = new LinkedHashMap<>(); // by aggregate and sequence: copies once
        LedgerReader.readAll(config.kafka().bootstrapServers(), message -> {
            LedgerRecord record;
            try {
                record = EventCodec.decode(message.value());
            } catch (InvalidRecordException e) {
                return; // not a fact; the auditor reports it
            }
            Long stored = storedUpTo.get(record.aggregateId());
            if (config.source().equals(record.source()) && !(record.data() instanceof LedgerSealed)
                    && stored != null && record.sequence() > stored) {
                missing.putIfAbsent(record.aggregateId() + "#" + record.sequence(), asStored(record));
            }
        });
        return new ArrayList<>(missing.values());
    }

    private DomainEventMessage<?> asStored(LedgerRecord record) {
        String type = config.aggregateType().orElseThrow(() -> new IllegalStateException(
                "ledgerboard.aggregate-type is not set, so events of " + config.source() + " cannot be restored"));
        Map<String, Object> metaData = new HashMap<>(Map.of(StoredEvents.FROM_LEDGER, true));
        if (record.actor() != null) {
            metaData.putAll(ActorMetaData.of(record.actor()));
        }
        return new GenericDomainEventMessage<>(type, record.aggregateId(), record.sequence(),
                record.data(), metaData, record.id(), record.time());
    }
}

package org.ledgerboard.service.ledger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.bson.Document;
import org.jboss.logging.Logger;
import org.ledgerboard.service.ServiceConfig;
import org.ledgerboard.service.axon.AxonRuntime;
import org.ledgerboard.service.axon.StartupOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The slow path from the store to the ledger: publishes, in sequence order, the stored events of an aggregate that
 * the ledger lacks. At start that is every aggregate the store holds beyond the ledger (the process died between
 * a commit and its send); afterwards, any aggregate whose event the fast path ({@link LedgerPublishing}) could not
 * send (a failed send, the chains being rebuilt, an earlier event still missing). A failed round is tried again
 * after a pause, for as long as it takes. The store is read by aggregate and sequence, never by time: Axon's Mongo
 * tracking query (time window, excluded ids) scans the whole event collection on the embedded store, and ran after
 * every commit.
 * <p>
 * Only the instance holding the publisher lease publishes. Another instance hands the aggregates its commands
 * recorded to the publisher through the shared store (a small {@code ledger_due} collection the publisher drains
 * every {@link #DUE_POLL}), and the publisher, once elected, first publishes whatever the store holds beyond the
 * ledger, as at start: what the instance before it recorded and did not publish.
 */
@ApplicationScoped
public class LedgerCatchUp {
    private static final Logger LOG = Logger.getLogger(LedgerCatchUp.class);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
    static final Duration DUE_POLL = Duration.ofMillis(100);

    private final LedgerWriter writer;
    private final AxonRuntime axon;
    private final MongoCollection<Document> dueElsewhere; // aggregates another instance recorded, by id
    private final Set<String> due = new LinkedHashSet<>(); // aggregates to catch up, guarded by itself
    private final Thread thread = new Thread(this::run, "ledger-catch-up");
    private volatile boolean running;
    private volatile boolean caughtUpAtStart;
    private boolean leading; // on the catch-up thread only

    LedgerCatchUp(LedgerWriter writer, AxonRuntime axon, MongoClient mongo, ServiceConfig config) {
        this.writer = writer;
        this.axon = axon;
        this.dueElsewhere = mongo.getDatabase(config.mongo().database()).getCollection("ledger_due");
    }

    /** After the store was reconciled with the ledger, before commands are taken. */
    void start(@Observes @Priority(StartupOrder.CATCH_UP) StartupEvent startup) {
        requestWhatTheLedgerLacks();
        leading = writer.leads();
        running = true;
        thread.start();
    }

    /** Every aggregate whose stored events go beyond what the ledger holds. */
    private void requestWhatTheLedgerLacks() {
        Map<String, Long> onLedger = writer.publishedOnLedger();
        List<String> ahead = new ArrayList<>();
        axon.lastSequences().forEach((aggregate, stored) -> {
            if (stored > onLedger.getOrDefault(aggregate, -1L)) {
                ahead.add(aggregate);
            }
        });
        if (!ahead.isEmpty()) {
            LOG.warnf("%s: the store holds events of %d aggregates the ledger lacks; publishing them",
                    writer.source(), ahead.size());
        }
        ahead.forEach(this::request);
    }

    void stop(@Observes @Priority(5) ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(Duration.ofSeconds(10).toMillis());
    }

    /**
     * Has the aggregate's stored events the ledger lacks published soon, in order: here if this instance is the
     * publisher, otherwise by the publisher, told through the store.
     */
    public void request(String aggregateId) {
        if (!writer.leads()) {
            try {
                handOver(aggregateId);
                return;
            } catch (MongoException e) { // kept here; the catch-up thread hands it over once the store is back
                LOG.debugf("cannot hand %s to the publisher yet: %s", aggregateId, e.getMessage());
            }
        }
        synchronized (due) {
            due.add(aggregateId);
            due.notifyAll();
        }
    }

    /** True once everything the store held beyond the ledger at start is on the ledger. */
    public boolean caughtUpAtStart() {
        return caughtUpAtStart;
    }

    private void run() {
        while (running) {
            String aggregateId;
            synchronized (due) {
                if (due.isEmpty()) {
                    caughtUpAtStart = true;
                    try {
                        due.wait(DUE_POLL.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            if (!followLease()) {
                continue;
            }
            synchronized (due) {
                if (due.isEmpty()) {
                    continue;
                }
                aggregateId = due.iterator().next();
                due.remove(aggregateId);
            }
            try {
                publishMissing(aggregateId);
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("publishing the stored events of %s failed, trying again: %s", aggregateId, e.getMessage());
                request(aggregateId);
                Backoff.pause(RETRY_PAUSE);
            }
        }
    }

    /**
     * Takes up what another instance handed over or left behind when this one leads; hands over what is queued
     * here when it does not. True if this instance publishes.
     */
    private boolean followLease() {
        boolean leads = writer.leads();
        try {
            if (leads && !leading) {
                LOG.infof("%s: elected publisher; publishing what the store holds beyond the ledger", writer.source());
                requestWhatTheLedgerLacks();
            }
            // a read first: the store commits every write to its file, and most polls find nothing
            if (leads && dueElsewhere.find().limit(1).first() != null) {
                for (Document handed; (handed = dueElsewhere.findOneAndDelete(new Document())) != null; ) {
                    request(handed.getString("_id"));
                }
            } else {
                List<String> queued;
                synchronized (due) {
                    queued = new ArrayList<>(due);
                }
                for (String aggregateId : queued) {
                    handOver(aggregateId);
                    synchronized (due) {
                        due.remove(aggregateId);
                    }
                }
            }
            leading = leads;
        } catch (MongoException e) {
            LOG.debugf("the store is away: %s", e.getMessage());
            Backoff.pause(RETRY_PAUSE);
        }
        return leads;
    }

    private void handOver(String aggregateId) {
        dueElsewhere.replaceOne(Filters.eq("_id", aggregateId), new Document("_id", aggregateId),
                new ReplaceOptions().upsert(true));
    }

    /**
     * Sends the aggregate's stored events after the last one sent, then waits for the broker to have them all. The
     * events one command recorded go together, in one transaction, as on the fast path.
     */
    private void publishMissing(String aggregateId) {
        DomainEventStream stored = axon.storage().readEvents(aggregateId, writer.lastSent(aggregateId) + 1);
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        List<DomainEventMessage<?>> ofOneCommand = new ArrayList<>();
        while (stored.hasNext()) {
            DomainEventMessage<?> event = stored.next();
            if (event.getMetaData().containsKey(StoredEvents.FROM_LEDGER)) {
                continue;
            }
            if (!ofOneCommand.isEmpty() && !StoredEvents.sameCommand(ofOneCommand.get(0), event)) {
                send(ofOneCommand, acks);
                ofOneCommand.clear();
            }
            ofOneCommand.add(event);
        }
        send(ofOneCommand, acks);
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
    }

    private void send(List<DomainEventMessage<?>> events, List<CompletableFuture<Void>> acks) {
        writer.together(() -> events.forEach(event -> acks.add(writer.publishAsync(
                StoredEvents.toRecord(writer.source(), event), StoredEvents.traceOf(event)))));
    }
}

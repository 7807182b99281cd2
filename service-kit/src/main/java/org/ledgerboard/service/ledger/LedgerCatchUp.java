package org.ledgerboard.service.ledger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.jboss.logging.Logger;
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
 */
@ApplicationScoped
public class LedgerCatchUp {
    private static final Logger LOG = Logger.getLogger(LedgerCatchUp.class);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final LedgerWriter writer;
    private final AxonRuntime axon;
    private final Set<String> due = new LinkedHashSet<>(); // aggregates to catch up, guarded by itself
    private final Thread thread = new Thread(this::run, "ledger-catch-up");
    private volatile boolean running;
    private volatile boolean caughtUpAtStart;

    LedgerCatchUp(LedgerWriter writer, AxonRuntime axon) {
        this.writer = writer;
        this.axon = axon;
    }

    /** After the store was reconciled with the ledger, before commands are taken. */
    void start(@Observes @Priority(StartupOrder.CATCH_UP) StartupEvent startup) {
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
        running = true;
        thread.start();
    }

    void stop(@Observes @Priority(5) ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(Duration.ofSeconds(10).toMillis());
    }

    /** Has the aggregate's stored events the ledger lacks published soon, in order. */
    public void request(String aggregateId) {
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
                        due.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
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

    /** Sends the aggregate's stored events after the last one sent, then waits for the broker to have them all. */
    private void publishMissing(String aggregateId) {
        DomainEventStream stored = axon.storage().readEvents(aggregateId, writer.lastSent(aggregateId) + 1);
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        while (stored.hasNext()) {
            DomainEventMessage<?> event = stored.next();
            if (!event.getMetaData().containsKey(StoredEvents.FROM_LEDGER)) {
                acks.add(writer.publishAsync(StoredEvents.toRecord(writer.source(), event)));
            }
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
    }
}

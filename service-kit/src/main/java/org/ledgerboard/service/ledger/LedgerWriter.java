package org.ledgerboard.service.ledger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.LedgerSealed;
import org.ledgerboard.core.integrity.KeyFiles;
import org.ledgerboard.core.integrity.SigningKey;
import org.ledgerboard.kafka.LedgerTopicSetup;
import org.ledgerboard.kafka.LedgerTopics;
import org.ledgerboard.service.ServiceConfig;
import org.ledgerboard.service.axon.StartupOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes this service's records to {@code ledger.events} (key = competitionId, idempotent producer,
 * {@code acks=all}) and seals its source chains. Records are sent without waiting for each ack in turn
 * ({@link #publishAsync}): the idempotent producer keeps partition order with up to 5 requests in flight, so the
 * order the chain is built in (send order, under one lock) is the partition order, and a seal, sent after the
 * events it counts, never overtakes them. A record counts as published when its ack arrives. After a failed send
 * the chain state is rebuilt from the topic once nothing is in flight, because the record may or may not have
 * landed.
 */
@ApplicationScoped
public class LedgerWriter {
    private static final Logger LOG = Logger.getLogger(LedgerWriter.class);

    private final ServiceConfig config;
    private final SigningKey key;
    private final KafkaProducer<String, byte[]> producer;
    private final ScheduledExecutorService sealTimer = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "ledger-seal-timer"));
    // aggregate -> highest sequence on the ledger; its own monitor, so a command waiting for its event is never
    // stuck behind a send that waits for an absent broker
    private final Map<String, Long> publishedUpTo = new HashMap<>();
    private volatile boolean stopping;
    private volatile SealBook book; // null: to be rebuilt from the topic before the next write
    private final Object rebuilding = new Object();
    private final Object inFlightLock = new Object();
    private int inFlight; // sends not yet answered by the broker; the book is rebuilt only when none is
    private final Map<String, CompletableFuture<Void>> unanswered = new ConcurrentHashMap<>(); // record id -> ack

    LedgerWriter(ServiceConfig config) {
        this.config = config;
        this.key = KeyFiles.loadOrGenerate(config.keyFile());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                // A send to an absent broker fails within seconds and is tried again (publish), instead of
                // holding the writer for the default two minutes.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                // a command answers once its record is acknowledged: don't hold records back for company (Kafka
                // 4 lingers 5 ms by default); sends in flight batch whatever arrives meanwhile anyway
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.CLIENT_ID_CONFIG, "ledger-writer" + config.source().replace('/', '-')),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** First at start-up: the chains, and what the ledger holds, are known before the store is reconciled. */
    void start(@Observes @Priority(StartupOrder.LEDGER) StartupEvent startup) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.kafka().bootstrapServers()))) {
            LedgerTopicSetup.ensure(admin, config.kafka().partitions(), config.kafka().replicationFactor());
        }
        if (!config.publishes()) { // no chains of its own: reading the whole ledger for them would only slow the start
            book = SealBook.empty(config.source(), key);
            return;
        }
        sealWhatIsNew(); // rebuilds the source chains now, so the first command does not wait for it
        long every = config.seal().interval().toMillis();
        sealTimer.scheduleWithFixedDelay(this::sealWhatIsNew, every, every, TimeUnit.MILLISECONDS);
    }

    /** After Axon has stopped (priority 1): nothing more will be published, so seal it all and close. */
    void stop(@Observes @Priority(10) ShutdownEvent shutdown) {
        stopping = true;
        sealTimer.shutdownNow();
        try {
            sealWhatIsNew();
        } finally {
            producer.close();
        }
    }

    public SigningKey key() {
        return key;
    }

    public String source() {
        return config.source();
    }

    /**
     * Sends one of this service's records without waiting for the broker; the future completes when the broker
     * has it (then it counts as published) or fails with the send. A record the ledger already holds, or that was
     * sent and is not yet answered, is not sent again: its future is the first send's. A record is sent only once
     * every earlier event of its aggregate is on the ledger or on its way, so an aggregate's events are on the
     * ledger in sequence order whatever failed in between; otherwise the future fails and nothing is sent.
     */
    public synchronized CompletableFuture<Void> publishAsync(LedgerRecord record) {
        if (!config.publishes()) {
            return CompletableFuture.failedFuture(new IllegalStateException(config.source()
                    + " does not publish to the ledger (ledgerboard.publishes=false)"));
        }
        SealBook seals = book;
        if (seals == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the source chains are being rebuilt "
                    + "after a failed send; " + record.id() + " is sent once they are"));
        }
        if (seals.holds(record)) { // on the ledger already (crash, failed send), or sent and not yet answered
            return unanswered.getOrDefault(record.id(), CompletableFuture.completedFuture(null));
        }
        if (!seals.isNext(record)) {
            return CompletableFuture.failedFuture(new IllegalStateException("event " + record.sequence() + " of "
                    + record.aggregateId() + " waits for an earlier one that is not on the ledger"));
        }
        CompletableFuture<Void> acked = sendAsync(record).thenRun(() -> published(record));
        unanswered.put(record.id(), acked);
        acked.whenComplete((ok, failure) -> unanswered.remove(record.id()));
        seals.chained(record);
        if (seals.unsealed(record.competitionId()) >= config.seal().maxEvents()) {
            seal(seals, record.competitionId());
        }
        return acked;
    }

    /**
     * The highest sequence of the aggregate's events on the ledger or on their way; -1 if none. Rebuilds the source
     * chains first if a failed send dropped them, which waits for the broker.
     */
    public long lastSent(String aggregateId) {
        SealBook seals = rebuiltBook();
        synchronized (this) {
            return seals.lastSequence(aggregateId);
        }
    }

    /**
     * The fast path, for a record whose command has just committed: sends it at once if it is its aggregate's next
     * event on the ledger. Otherwise (the chains are being rebuilt after a failure, or earlier events of the
     * aggregate are still to be published) sends nothing and returns empty: {@link LedgerCatchUp} publishes it.
     * Never rebuilds the chains, so a command thread never reads the topic.
     */
    public Optional<CompletableFuture<Void>> publishIfNext(LedgerRecord record) {
        if (book == null || stopping) { // without waiting for the lock: the broker may be away
            return Optional.empty();
        }
        synchronized (this) {
            SealBook seals = book;
            if (seals == null || !seals.isNext(record)) {
                return Optional.empty();
            }
            try {
                return Optional.of(publishAsync(record));
            } catch (RuntimeException e) { // nothing was sent; the book is to be rebuilt, and the catch-up sends it
                return Optional.empty();
            }
        }
    }

    private void published(LedgerRecord record) {
        synchronized (publishedUpTo) {
            publishedUpTo.merge(record.aggregateId(), record.sequence(), Math::max);
            publishedUpTo.notifyAll();
        }
    }

    /**
     * Waits until the aggregate's event {@code sequence} is on the ledger. Commands answer only then, so whatever
     * a client does because of the answer lands after it in the partition: the log keeps causal order.
     */
    public boolean awaitPublished(String aggregateId, long sequence, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (publishedUpTo) {
            while (publishedUpTo.getOrDefault(aggregateId, -1L) < sequence) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(publishedUpTo, left);
            }
            return true;
        }
    }

    /** Per aggregate, the highest sequence of this source's events the ledger is known to hold. */
    public Map<String, Long> publishedOnLedger() {
        synchronized (publishedUpTo) {
            return Map.copyOf(publishedUpTo);
        }
    }

    /** True once the source chains are rebuilt from the ledger: the writer can publish. */
    public boolean ready() {
        return book != null;
    }

    /** Seals every competition with events no seal covers yet. */
    public void sealWhatIsNew() {
        try {
            SealBook seals = rebuiltBook();
            synchronized (this) {
                for (String competitionId : seals.competitionsWithNews()) {
                    seal(seals, competitionId);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("sealing failed, will retry: %s", e.getMessage());
        }
    }

    /**
     * Sends a seal after the events it counts, without waiting: the producer keeps them in order. If it fails, the
     * book is rebuilt from the topic, which then says whether the seal landed.
     */
    private void seal(SealBook seals, String competitionId) {
        LedgerSealed seal = seals.sealer().seal(competitionId);
        LedgerRecord record = EventCodec.stamp(new LedgerRecord(UUID.randomUUID().toString(), config.source(), null,
                Instant.now(), SealBook.sealAggregate(config.source()), seals.sealsPublished(competitionId), seal, null));
        sendAsync(record);
        seals.sealed(seal);
    }

    /** Hands the record to the producer; a failed send (now or on its ack) has the book rebuilt from the topic. */
    private CompletableFuture<Void> sendAsync(LedgerRecord record) {
        ProducerRecord<String, byte[]> message = new ProducerRecord<>(LedgerTopics.EVENTS, record.competitionId(),
                EventCodec.encode(record));
        message.headers().add("content-type", EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        message.headers().add(LedgerTopics.TYPE_HEADER, record.type().getBytes(StandardCharsets.UTF_8));
        CompletableFuture<Void> acked = new CompletableFuture<>();
        synchronized (inFlightLock) {
            inFlight++;
        }
        try {
            producer.send(message, (metadata, failure) -> {
                if (failure != null) {
                    book = null;
                    acked.completeExceptionally(new IllegalStateException("could not publish " + record.id() + ": "
                            + failure.getMessage(), failure));
                } else {
                    acked.complete(null);
                }
                landed();
            });
        } catch (RuntimeException e) { // e.g. no broker metadata within max.block.ms: nothing was sent
            book = null;
            landed();
            throw new IllegalStateException("could not publish " + record.id() + ": " + e.getMessage(), e);
        }
        return acked;
    }

    private void landed() {
        synchronized (inFlightLock) {
            inFlight--;
            inFlightLock.notifyAll();
        }
    }

    /**
     * The book; rebuilt from the topic after a failure, once every send in flight has been answered. Never under
     * this writer's lock: reading the topic waits for the broker, and commands must not wait with it. Nothing is
     * sent while the book is missing, so no send can start while it is being rebuilt.
     */
    private SealBook rebuiltBook() {
        SealBook current = book;
        if (current != null) {
            return current;
        }
        synchronized (rebuilding) {
            if (book == null) {
                awaitNothingInFlight();
                SealBook recovered = SealBook.recover(config.kafka().bootstrapServers(), config.source(), key);
                synchronized (publishedUpTo) { // events an earlier process published count as published
                    recovered.lastSequences().forEach((aggregate, sequence) ->
                            publishedUpTo.merge(aggregate, sequence, Math::max));
                    publishedUpTo.notifyAll();
                }
                book = recovered;
            }
            return book;
        }
    }

    private void awaitNothingInFlight() {
        synchronized (inFlightLock) {
            while (inFlight > 0) {
                try {
                    inFlightLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for sends in flight", e);
                }
            }
        }
    }
}

package org.ledgerboard.service.ledger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
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
import org.ledgerboard.service.telemetry.LedgerTracing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes this service's records to {@code ledger.events} (key = competitionId, {@code acks=all}) and seals its source
 * chains. Of a service's instances, only the holder of the {@link PublisherLease} publishes, through a transactional
 * producer whose id is the source's: the broker refuses the producer of an instance that lost the lease once its
 * successor has started, and aborts what that one left open, so a paused-then-revived instance can never fork the
 * chain, and a send whose fate is unknown (a broker lost mid-write) is settled before the chain is read again:
 * readers see committed records only, so never one twice. Every instance learns what the ledger holds of its
 * source from the ledger itself ({@link SourceWatch}), so a command may be taken by any of them.
 * <p>
 * Records are chained in send order under one lock and handed to one thread, which publishes whatever has queued
 * meanwhile as one transaction; a record counts as published when its transaction commits. After a failure the
 * chain state is rebuilt from the topic once nothing is in flight, with a new producer whose start settles the
 * transaction the failed one left.
 */
@ApplicationScoped
public class LedgerWriter {
    private static final Logger LOG = Logger.getLogger(LedgerWriter.class);

    private final ServiceConfig config;
    private final SigningKey key;
    private final PublisherLease lease;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "ledger-seal-timer"));
    // its own thread: renewals must not wait behind a seal or a rebuild that waits for the broker
    private final ScheduledExecutorService leaseTimer = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "ledger-lease"));
    private final PublishedSequences onLedger = new PublishedSequences();
    private volatile boolean stopping;
    private volatile boolean known; // what the ledger held of this source at start has been read
    private volatile SealBook book; // null: not the publisher now, or to be rebuilt from the topic before a write
    private volatile KafkaProducer<String, byte[]> producer; // set with the book; null when not publishing
    private volatile SourceWatch watch;
    private final Object rebuilding = new Object();
    private final Object inFlightLock = new Object();
    private int inFlight; // records queued or being published; the book is rebuilt only when none is
    private final Map<String, CompletableFuture<Void>> unanswered = new ConcurrentHashMap<>(); // record id -> ack
    private final Deque<Outgoing> queue = new ArrayDeque<>(); // chained, not yet published; guarded by itself
    private int gathering; // guarded by queue: records of one commit are being queued, to go out in one round
    private final Thread publisher = new Thread(this::publishRounds, "ledger-publisher");

    private final LedgerTracing tracing;
    private final Timer publishing;
    private final DistributionSummary transactions;

    private record Outgoing(ProducerRecord<String, byte[]> message, CompletableFuture<Void> acked) {
    }

    LedgerWriter(ServiceConfig config, PublisherLease lease, LedgerTracing tracing, MeterRegistry metrics) {
        this.config = config;
        this.lease = lease;
        this.tracing = tracing;
        this.key = KeyFiles.loadOrGenerate(config.keyFile());
        this.publishing = Timer.builder("ledgerboard.publish.duration")
                .description("From a record handed to the publisher to its transaction committed on the ledger")
                .publishPercentileHistogram().register(metrics);
        // each transaction costs the broker and this producer a round of requests and markers whatever it carries
        this.transactions = DistributionSummary.builder("ledgerboard.publish.transaction.records")
                .description("Records per transaction the publisher commits to the ledger").baseUnit("records")
                .register(metrics);
    }

    private KafkaProducer<String, byte[]> transactionalProducer() {
        String name = "ledger-writer" + config.source().replace('/', '-');
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers());
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, name); // the source's: one live producer per source
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, name + "-" + lease.instance());
        settings.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 15_000); // what a dead holder left open is aborted
        settings.put(ProducerConfig.ACKS_CONFIG, "all"); // and idempotent, as every transactional producer is
        // A send to an absent broker fails within seconds and is tried again (publish), instead of holding the
        // writer for the default two minutes.
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        // A command answers once its record is committed: don't hold records back for company (Kafka 4 lingers
        // 5 ms by default); what queues during a commit goes out together in the next one anyway.
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // A transaction's first write to a partition is refused (CONCURRENT_TRANSACTIONS) until the markers of the
        // one before are written there, a few ms later: ask again soon. With the defaults (100 ms, doubling to
        // 1 s) a 3-broker cluster under load held records for seconds.
        settings.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 5);
        settings.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 50);
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * First at start-up: what the ledger holds of this source is known before the store is reconciled; the
     * instance that gets the lease rebuilds the chains to publish them.
     */
    void start(@Observes @Priority(StartupOrder.LEDGER) StartupEvent startup) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.kafka().bootstrapServers()))) {
            LedgerTopicSetup.ensure(admin, config.kafka().partitions(), config.kafka().replicationFactor());
        }
        if (!config.publishes()) { // no chains of its own: reading the whole ledger for them would only slow the start
            book = SealBook.empty(config.source(), key);
            known = true;
            return;
        }
        watch = new SourceWatch(config.kafka().bootstrapServers(), config.source(), this::published,
                () -> book != null);
        boolean elected = lease.renew();
        leaseTimer.scheduleWithFixedDelay(this::keepLease, 1, 1, TimeUnit.SECONDS); // renewed while the chains are read
        if (!(elected && tookOver())) {
            onTheLedger(SealBook.recover(config.kafka().bootstrapServers(), config.source(), key).lastSequences());
        }
        known = true;
        publisher.start();
        long every = config.seal().interval().toMillis();
        timer.scheduleWithFixedDelay(this::sealWhatIsNew, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * After Axon has stopped (priority 1): nothing more will be recorded here, so seal it all, let the last
     * transaction commit, and give the lease up for another instance to take at once.
     */
    void stop(@Observes @Priority(10) ShutdownEvent shutdown) throws InterruptedException {
        stopping = true;
        timer.shutdownNow();
        leaseTimer.shutdownNow();
        if (!config.publishes()) {
            return;
        }
        try {
            if (book != null) {
                sealWhatIsNew();
            }
            awaitNothingInFlight();
        } finally {
            publisher.interrupt();
            publisher.join(Duration.ofSeconds(10).toMillis());
            discard(producer);
            lease.release();
            watch.close();
        }
    }

    /**
     * Rebuilds the chains now, so the first command does not wait for them. The broker may not coordinate
     * transactions yet (a new cluster makes its transaction log at the first producer's request): then the
     * instance starts as one that does not publish, and takes over once it can ({@link #keepLease}).
     */
    private boolean tookOver() {
        try {
            rebuiltBook();
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("%s: cannot publish yet, will retry: %s", config.source(), e.getMessage());
            return false;
        }
    }

    /**
     * Renews the lease, and stops publishing when it was lost. A lease just won is taken up by the next round of
     * the seal timer, which rebuilds the chains before it seals.
     */
    private void keepLease() {
        try {
            if (!lease.renew() && book != null) {
                LOG.warnf("%s: the publisher lease passed to another instance; this one stops publishing",
                        config.source());
                book = null;
                discard(producer); // what it had not committed fails, and is the new holder's to publish
            }
        } catch (RuntimeException e) {
            LOG.warnf("%s: renewing the publisher lease failed, will retry: %s", config.source(), e.getMessage());
        }
    }

    public SigningKey key() {
        return key;
    }

    public String source() {
        return config.source();
    }

    /**
     * Sends one of this service's records without waiting for the broker; the future completes when its
     * transaction commits (then it counts as published) or fails with it. A record the ledger already holds, or
     * that was sent and is not yet answered, is not sent again: its future is the first send's. A record is sent only once
     * every earlier event of its aggregate is on the ledger or on its way, so an aggregate's events are on the
     * ledger in sequence order whatever failed in between; otherwise the future fails and nothing is sent.
     * {@code trace}: the W3C context of the act that recorded it, as its stored metadata keeps it (may be empty).
     */
    public synchronized CompletableFuture<Void> publishAsync(LedgerRecord record, Map<String, ?> trace) {
        if (!config.publishes()) {
            return CompletableFuture.failedFuture(new IllegalStateException(config.source()
                    + " does not publish to the ledger (ledgerboard.publishes=false)"));
        }
        SealBook seals = book;
        if (seals == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the source chains are not held here "
                    + "(another instance publishes, or they are rebuilt after a failed send); " + record.id()
                    + " is sent by the publisher"));
        }
        if (seals.holds(record)) { // on the ledger already (crash, failed send), or sent and not yet answered
            return unanswered.getOrDefault(record.id(), CompletableFuture.completedFuture(null));
        }
        if (!seals.isNext(record)) {
            return CompletableFuture.failedFuture(new IllegalStateException("event " + record.sequence() + " of "
                    + record.aggregateId() + " waits for an earlier one that is not on the ledger"));
        }
        CompletableFuture<Void> acked = sendAsync(record, trace).thenRun(() -> published(record));
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
    public Optional<CompletableFuture<Void>> publishIfNext(LedgerRecord record, Map<String, ?> trace) {
        // without waiting for the lock: the broker may be away; and not from an instance whose lease lapsed
        if (book == null || stopping || !lease.held()) {
            return Optional.empty();
        }
        synchronized (this) {
            SealBook seals = book;
            if (seals == null || !seals.isNext(record)) {
                return Optional.empty();
            }
            try {
                return Optional.of(publishAsync(record, trace));
            } catch (RuntimeException e) { // nothing was sent; the book is to be rebuilt, and the catch-up sends it
                return Optional.empty();
            }
        }
    }

    /**
     * Runs {@code sends} (publishes of the records one command recorded) so that what they queue goes out in one
     * transaction, next to each other: queued one by one, the publisher could begin a round with the first and leave
     * the next for the round after, one transaction later (a ranking decision's TeamEliminated ~20 ms after its
     * StandingsPublished), and the seal timer could queue a seal between them. The sends only queue: the lock is
     * held for no wait.
     */
    public synchronized void together(Runnable sends) {
        synchronized (queue) {
            gathering++;
        }
        try {
            sends.run();
        } finally {
            synchronized (queue) {
                gathering--;
                queue.notifyAll();
            }
        }
    }

    private void published(LedgerRecord record) {
        onLedger.landed(record.aggregateId(), record.sequence());
    }

    /**
     * Waits until the aggregate's event {@code sequence} is on the ledger. Commands answer only then, so whatever
     * a client does because of the answer lands after it in the partition: the log keeps causal order.
     */
    public boolean awaitPublished(String aggregateId, long sequence, Duration timeout) throws InterruptedException {
        return onLedger.await(aggregateId, sequence, timeout);
    }

    /** Per aggregate, the highest sequence of this source's events the ledger is known to hold. */
    public Map<String, Long> publishedOnLedger() {
        return onLedger.snapshot();
    }

    /** True once what the ledger held of this source at start has been read: the store can be checked against it. */
    public boolean ready() {
        return known;
    }

    /** True while this instance holds the publisher lease: the source's chain is its to publish. */
    public boolean leads() {
        return lease.held();
    }

    /** Seals every competition with events no seal covers yet; nothing when another instance publishes. */
    public void sealWhatIsNew() {
        if (!lease.held()) {
            return;
        }
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
     * Queues a seal after the events it counts: they are published in that order. If it fails, the book is rebuilt
     * from the topic, which then says whether the seal landed.
     */
    private void seal(SealBook seals, String competitionId) {
        LedgerSealed seal = seals.sealer().seal(competitionId);
        LedgerRecord record = EventCodec.stamp(new LedgerRecord(UUID.randomUUID().toString(), config.source(), null,
                Instant.now(), SealBook.sealAggregate(config.source()), seals.sealsPublished(competitionId), seal, null));
        sendAsync(record, Map.of());
        seals.sealed(seal);
    }

    /**
     * Queues the record for the next transaction; the future completes when that commits, or fails with it. The
     * publication is a span of the recording act's trace, and its context goes in the record's headers.
     */
    private CompletableFuture<Void> sendAsync(LedgerRecord record, Map<String, ?> trace) {
        ProducerRecord<String, byte[]> message = new ProducerRecord<>(LedgerTopics.EVENTS, record.competitionId(),
                EventCodec.encode(record));
        message.headers().add("content-type", EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        message.headers().add(LedgerTopics.TYPE_HEADER, record.type().getBytes(StandardCharsets.UTF_8));
        message.headers().add(LedgerTopics.SOURCE_HEADER, record.source().getBytes(StandardCharsets.UTF_8));
        Span span = tracing.publishing(record, trace, LedgerTopics.EVENTS);
        tracing.inject(span, message.headers());
        Timer.Sample sample = Timer.start();
        CompletableFuture<Void> acked = new CompletableFuture<>();
        acked.whenComplete((ok, failure) -> {
            sample.stop(publishing);
            LedgerTracing.end(span, failure);
        });
        synchronized (inFlightLock) {
            inFlight++;
        }
        synchronized (queue) {
            queue.add(new Outgoing(message, acked));
            queue.notifyAll();
        }
        return acked;
    }

    /** The publisher thread: each round, whatever queued meanwhile, as one transaction. */
    private void publishRounds() {
        List<Outgoing> round = new ArrayList<>();
        while (true) {
            synchronized (queue) {
                while (queue.isEmpty() || gathering > 0) {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                round.addAll(queue);
                queue.clear();
            }
            publish(round);
            landed(round.size());
            round.clear();
        }
    }

    private void publish(List<Outgoing> round) {
        KafkaProducer<String, byte[]> transaction = producer;
        try {
            if (transaction == null) {
                throw new IllegalStateException("this instance does not publish " + config.source() + " now");
            }
            transaction.beginTransaction();
            for (Outgoing outgoing : round) {
                transaction.send(outgoing.message());
            }
            transaction.commitTransaction();
            transactions.record(round.size());
            round.forEach(outgoing -> outgoing.acked().complete(null));
        } catch (RuntimeException e) { // fenced, a broker lost, a timeout: the next producer settles what landed
            book = null;
            discard(transaction);
            IllegalStateException failure = new IllegalStateException("could not publish to the ledger: "
                    + e.getMessage(), e);
            List<Outgoing> behind; // chained on top of this round: they fail with it
            synchronized (queue) {
                behind = new ArrayList<>(queue);
                queue.clear();
            }
            round.forEach(outgoing -> outgoing.acked().completeExceptionally(failure));
            behind.forEach(outgoing -> outgoing.acked().completeExceptionally(failure));
            landed(behind.size());
        }
    }

    /** Closes a producer without waiting: what it had not committed is aborted, or settled by its successor. */
    private void discard(KafkaProducer<String, byte[]> old) {
        if (old != null) {
            if (producer == old) {
                producer = null;
            }
            old.close(Duration.ZERO);
        }
    }

    private void landed(int records) {
        if (records == 0) {
            return;
        }
        synchronized (inFlightLock) {
            inFlight -= records;
            inFlightLock.notifyAll();
        }
    }

    /**
     * The book; rebuilt from the topic after a failure, once every record in flight has been answered. Never under
     * this writer's lock: reading the topic waits for the broker, and commands must not wait with it. Nothing is
     * sent while the book is missing, so no send can start while it is being rebuilt. The new producer starts
     * first: that fences every earlier one of the source and settles their open transactions, so the topic read
     * after it is final.
     */
    private SealBook rebuiltBook() {
        SealBook current = book;
        if (current != null) {
            return current;
        }
        synchronized (rebuilding) {
            if (book == null) {
                if (!lease.held()) {
                    throw new IllegalStateException("another instance publishes " + config.source());
                }
                awaitNothingInFlight();
                discard(producer);
                KafkaProducer<String, byte[]> started = transactionalProducer();
                try {
                    started.initTransactions();
                } catch (RuntimeException e) {
                    started.close(Duration.ZERO);
                    throw e;
                }
                SealBook recovered = SealBook.recover(config.kafka().bootstrapServers(), config.source(), key);
                onTheLedger(recovered.lastSequences());
                producer = started;
                book = recovered;
                LOG.infof("%s: %s publishes the source's chain", config.source(), lease.instance());
            }
            return book;
        }
    }

    /** Events an earlier process or another instance published count as published. */
    private void onTheLedger(Map<String, Long> lastSequences) {
        lastSequences.forEach(onLedger::landed);
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

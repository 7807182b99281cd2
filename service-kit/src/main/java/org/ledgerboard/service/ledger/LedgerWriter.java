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
import org.ledgerboard.core.kafka.LedgerTopics;
import org.ledgerboard.service.ServiceConfig;
import org.ledgerboard.service.axon.StartupOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes this service's records to {@code ledger.events} (key = competitionId, idempotent producer,
 * {@code acks=all}) and seals its source chains. Each send waits for its ack under one lock, so the order the
 * chain is built in is the partition order, and a seal never overtakes an event it counts. After a failed send
 * the chain state is rebuilt from the topic, because the record may or may not have landed.
 */
@ApplicationScoped
public class LedgerWriter {
    private static final Logger LOG = Logger.getLogger(LedgerWriter.class);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

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
                ProducerConfig.CLIENT_ID_CONFIG, "ledger-writer" + config.source().replace('/', '-')),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** First at start-up: the chains, and what the ledger holds, are known before the store is reconciled. */
    void start(@Observes @Priority(StartupOrder.LEDGER) StartupEvent startup) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.kafka().bootstrapServers()))) {
            LedgerTopics.ensure(admin, config.kafka().partitions(), config.kafka().replicationFactor());
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
     * Publishes one of this service's records; returns when the broker has it. While the broker cannot be reached
     * it keeps trying (the outbox must not skip a record, and a processor in error mode would back off for up to a
     * minute after the broker is back). A record the ledger already holds (published before a crash, or by a send
     * whose answer was lost) is not sent again, so each event is on the ledger once.
     */
    public void publish(LedgerRecord record) {
        for (int attempt = 1; ; attempt++) {
            try {
                publishOnce(record);
                return;
            } catch (RuntimeException e) { // a failed send, or the ledger unreadable while rebuilding the chains
                if (stopping || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                LOG.warnf("publishing %s failed (attempt %d), trying again: %s", record.id(), attempt, e.getMessage());
                Backoff.pause(RETRY_PAUSE); // the broker is away: try again soon
            }
        }
    }

    private synchronized void publishOnce(LedgerRecord record) {
        SealBook seals = book();
        if (!seals.holds(record)) { // after a crash or a failed send the record may be on the ledger already
            send(record);
            seals.chained(record);
        }
        synchronized (publishedUpTo) {
            publishedUpTo.merge(record.aggregateId(), record.sequence(), Math::max);
            publishedUpTo.notifyAll();
        }
        if (seals.unsealed(record.competitionId()) >= config.seal().maxEvents()) {
            seal(seals, record.competitionId());
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
    public synchronized void sealWhatIsNew() {
        try {
            SealBook seals = book();
            for (String competitionId : seals.competitionsWithNews()) {
                seal(seals, competitionId);
            }
        } catch (RuntimeException e) {
            LOG.warnf("sealing failed, will retry: %s", e.getMessage());
        }
    }

    private void seal(SealBook seals, String competitionId) {
        LedgerSealed seal = seals.sealer().seal(competitionId);
        LedgerRecord record = EventCodec.stamp(new LedgerRecord(UUID.randomUUID().toString(), config.source(), null,
                Instant.now(), SealBook.sealAggregate(config.source()), seals.sealsPublished(competitionId), seal, null));
        send(record);
        seals.sealed(seal);
    }

    private void send(LedgerRecord record) {
        ProducerRecord<String, byte[]> message = new ProducerRecord<>(LedgerTopics.EVENTS, record.competitionId(),
                EventCodec.encode(record));
        message.headers().add("content-type", EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(message).get();
        } catch (ExecutionException e) {
            book = null;
            throw new IllegalStateException("could not publish " + record.id() + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            book = null;
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + record.id(), e);
        }
    }

    private SealBook book() {
        if (book == null) {
            SealBook recovered = SealBook.recover(config.kafka().bootstrapServers(), config.source(), key);
            synchronized (publishedUpTo) { // events an earlier process published count as published
                recovered.published().forEach((aggregate, sequence) -> publishedUpTo.merge(aggregate, sequence, Math::max));
                publishedUpTo.notifyAll();
            }
            book = recovered;
        }
        return book;
    }
}

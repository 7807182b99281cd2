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

    private final ServiceConfig config;
    private final SigningKey key;
    private final KafkaProducer<String, byte[]> producer;
    private final ScheduledExecutorService sealTimer = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "ledger-seal-timer"));
    private final Map<String, Long> publishedUpTo = new HashMap<>(); // aggregate -> highest sequence on the ledger
    private SealBook book; // null: to be rebuilt from the topic before the next write

    LedgerWriter(ServiceConfig config) {
        this.config = config;
        this.key = KeyFiles.loadOrGenerate(config.keyFile());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.CLIENT_ID_CONFIG, "ledger-writer" + config.source().replace('/', '-')),
                new StringSerializer(), new ByteArraySerializer());
    }

    void start(@Observes StartupEvent startup) {
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

    /** Publishes one of this service's records; returns when the broker has it. Re-publishing is harmless. */
    public synchronized void publish(LedgerRecord record) {
        SealBook seals = book();
        send(record);
        seals.chained(record);
        publishedUpTo.merge(record.aggregateId(), record.sequence(), Math::max);
        notifyAll();
        if (seals.unsealed(record.competitionId()) >= config.seal().maxEvents()) {
            seal(seals, record.competitionId());
        }
    }

    /**
     * Waits until the aggregate's event {@code sequence} is on the ledger. Commands answer only then, so whatever
     * a client does because of the answer lands after it in the partition: the log keeps causal order.
     */
    public synchronized boolean awaitPublished(String aggregateId, long sequence, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (publishedUpTo.getOrDefault(aggregateId, -1L) < sequence) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
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
            book = SealBook.recover(config.kafka().bootstrapServers(), config.source(), key);
        }
        return book;
    }
}

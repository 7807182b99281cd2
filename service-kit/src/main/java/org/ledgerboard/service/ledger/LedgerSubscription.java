package org.ledgerboard.service.ledger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.errors.WakeupException;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.InvalidRecordException;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.kafka.LedgerReader;
import org.ledgerboard.kafka.LedgerTopics;
import org.ledgerboard.service.ServiceConfig;
import org.ledgerboard.service.telemetry.LedgerTracing;
import org.ledgerboard.service.telemetry.LogFields;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Feeds {@code ledger.events} to the service's {@link LedgerReaction}s: one consumer group per service (each
 * instance a static member, so a restart resumes within seconds), from the beginning on first start, offsets
 * of the records every reaction succeeded on committed about once a second, when partitions move and at a stop (at
 * least once: a restart may bring up to a second of records again, and reactions dedupe). A
 * partition's records are handled in order; partitions are independent. A reaction that fails is retried
 * on the same record with a doubling pause; after {@code ledgerboard.reactions.max-tries} tries the record is
 * quarantined (logged at ERROR and kept with its reason in the {@code quarantine} collection) and the stream goes
 * on. While a record is being retried, readiness is DOWN naming it; the lag is the gauge
 * {@code ledgerboard.reactions.lag}.
 */
@ApplicationScoped
public class LedgerSubscription {
    private static final Logger LOG = Logger.getLogger(LedgerSubscription.class);
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(1);
    /** Short, as a caller of {@link #awaitReadToNow} waits for a poll begun after it asked to end. */
    private static final Duration POLL = Duration.ofMillis(100);

    private final List<LedgerReaction> reactions;
    private final String bootstrap;
    private final String group;
    private final String instance;
    private final ServiceConfig.Reactions retries;
    private final LedgerTracing tracing;
    private final MongoCollection<Document> quarantine;
    private volatile LedgerReader reader;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile String failing; // the record being retried and why, or null
    private volatile long lag;
    /** How far the reactions have read, for callers that must see what was on the ledger when they asked. */
    private final Object progress = new Object();
    private long polls; // guarded by progress, as the two below
    private long read; // over the assigned partitions, the sum of the offsets of the next records to read
    private long end; // and of their ends, as the last poll learnt them
    private int tries;
    /** Per partition, the offset after the last record handled and not yet committed; the subscription's thread only. */
    private final Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
    private long lastCommit = System.nanoTime();

    LedgerSubscription(Instance<LedgerReaction> reactions, ServiceConfig config, MongoClient mongo, LedgerTracing tracing,
                       MeterRegistry metrics, @ConfigProperty(name = "quarkus.application.name") String group) {
        this.reactions = reactions.stream().toList();
        this.tracing = tracing;
        this.retries = config.reactions();
        this.quarantine = mongo.getDatabase(config.mongo().database()).getCollection("quarantine");
        this.bootstrap = config.kafka().bootstrapServers();
        this.group = group;
        this.instance = config.instance();
        // the service's reactions share one consumer, so one lag; a series per reaction names what waits
        this.reactions.forEach(reaction -> Gauge.builder("ledgerboard.reactions.lag", this, s -> s.lag)
                .description("Records of the ledger this service's reactions have not read yet")
                .tag("reaction", ClientProxy.unwrap(reaction).getClass().getSimpleName()).register(metrics));
    }

    void start(@Observes StartupEvent startup) {
        start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        stop();
    }

    /** Closes the consumer and opens a new one, which resumes from the group's committed offsets. */
    public synchronized void restart() throws InterruptedException {
        stop();
        start();
    }

    /** Why the subscription cannot progress now (a record being retried, or the thread gone), or null. */
    public String problem() {
        if (reactions.isEmpty()) {
            return null;
        }
        if (running && (thread == null || !thread.isAlive())) {
            return "the subscription thread has stopped";
        }
        return failing;
    }

    private synchronized void start() {
        if (reactions.isEmpty()) {
            return;
        }
        running = true;
        reader = LedgerReader.inGroup(bootstrap, paceOf(reactions), group, instance, new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                commitHandled(); // while they are still this instance's
                reactions.forEach(LedgerReaction::partitionsChanged);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                reactions.forEach(LedgerReaction::partitionsChanged);
            }
        });
        thread = new Thread(this::run, "ledger-subscription");
        thread.start();
    }

    private synchronized void stop() throws InterruptedException {
        if (thread != null) {
            running = false;
            reader.wakeup();
            thread.join(Duration.ofSeconds(10).toMillis());
            thread = null;
        }
    }

    private void run() {
        LedgerReader reader = this.reader;
        try {
            while (running) {
                ConsumerRecords<String, byte[]> polled = reader.poll(POLL);
                boolean failed = false;
                for (TopicPartition partition : polled.partitions()) {
                    for (ConsumerRecord<String, byte[]> message : polled.records(partition)) {
                        if (failed) { // after a failure the rest waits: rewind it for the next poll
                            reader.seek(partition, message.offset());
                            break;
                        }
                        if (!handle(reader, partition, message)) {
                            failed = true; // rewound to the failed record: the next poll brings it again
                            break;
                        }
                        handled.put(partition, new OffsetAndMetadata(message.offset() + 1));
                    }
                }
                // each commit is a write to the broker, and reactions skip most records unparsed: not per poll
                if (System.nanoTime() - lastCommit >= COMMIT_EVERY.toNanos()) {
                    commitHandled();
                    lastCommit = System.nanoTime();
                }
                lag = reader.lag();
                reader.positionsSum().ifPresent(this::progressed); // not known right after a rebalance: next poll
            }
        } catch (WakeupException stopping) {
            commitHandled();
        } catch (RuntimeException e) {
            LOG.error("the ledger subscription stopped", e); // readiness reports it (problem())
        } finally {
            reader.close();
        }
    }

    private void progressed(long position) {
        synchronized (progress) {
            polls++;
            read = position;
            end = position + lag;
            progress.notifyAll();
        }
    }

    /**
     * Waits, at most {@code max}, until the reactions have handled every record that was on the ledger when this was
     * called, so that a caller sees the effect of a command answered a moment ago; false when that did not happen in
     * time. Either way a caller that does not find what it looks for asks its source (the partitions may have moved
     * meanwhile, or another instance reads the competition). The end of the ledger is the one the first poll begun
     * after the call learnt: a poll under way may have fetched before it.
     */
    public boolean awaitReadToNow(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (progress) {
            long firstBegunAfter = polls + 2; // the count once the poll under way and the next one are done
            long target = -1;
            while (true) {
                if (polls >= firstBegunAfter) {
                    if (target < 0) {
                        target = end;
                    }
                    if (read >= target) {
                        return true;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !running) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    /** Commits the offsets handled since the last commit; one that fails is read again after a restart. */
    private void commitHandled() {
        if (handled.isEmpty()) {
            return;
        }
        try {
            reader.commit(Map.copyOf(handled));
        } catch (WakeupException stopping) {
            throw stopping; // a stop woke the commit: the offsets are kept for the stop's own commit
        } catch (RuntimeException e) {
            LOG.warnf("could not commit the ledger subscription's offsets (records are read again after a restart): %s",
                    e.getMessage());
        }
        handled.clear();
    }

    /** Has every reaction act on the record; false if one failed and the partition was rewound to retry it. */
    private boolean handle(LedgerReader reader, TopicPartition partition, ConsumerRecord<String, byte[]> message) {
        String where = partition + "@" + message.offset();
        if (!wanted(message.headers(), reactions)) {
            return true;
        }
        LedgerRecord record;
        try {
            record = EventCodec.decode(message.value());
        } catch (InvalidRecordException e) {
            LOG.warnf("skipping invalid ledger record at %s: %s", where, e.getMessage());
            return true;
        }
        Span span = tracing.receiving("process " + LedgerTopics.EVENTS, message.headers(), record);
        RuntimeException failure = null;
        try (Scope current = span.makeCurrent()) {
            MDC.put(LogFields.COMPETITION, record.competitionId());
            LedgerPosition position = new LedgerPosition(message.partition(), message.offset());
            reactions.forEach(reaction -> reaction.react(record, position));
        } catch (InvalidRecordException e) {
            LOG.warnf("skipping invalid ledger record at %s: %s", where, e.getMessage());
        } catch (RuntimeException e) {
            failure = e;
            if (++tries < retries.maxTries()) {
                failing = "reaction to " + where + " failed " + tries + " times: " + e.getMessage();
                LOG.warnf(e, "%s; retrying", failing);
                reader.seek(partition, message.offset());
                Backoff.pause(Backoff.doubling(retries.firstPause(), tries));
                return false;
            }
            quarantine(message, where, e);
        } finally {
            MDC.remove(LogFields.COMPETITION);
            LedgerTracing.end(span, failure);
        }
        tries = 0;
        failing = null;
        return true;
    }

    /** Records as soon as they are on the topic if a reaction is live, else in batches. */
    static LedgerReader.Pace paceOf(List<LedgerReaction> reactions) {
        return reactions.stream().anyMatch(LedgerReaction::live) ? LedgerReader.Pace.LIVE : LedgerReader.Pace.BATCHED;
    }

    /** False for a record whose type header names a type no reaction wants; true when in doubt. */
    static boolean wanted(Headers headers, List<LedgerReaction> reactions) {
        Header type = headers.lastHeader(LedgerTopics.TYPE_HEADER);
        if (type == null) {
            return true;
        }
        String name = new String(type.value(), StandardCharsets.UTF_8);
        return reactions.stream().anyMatch(reaction -> reaction.wants(name));
    }

    private void quarantine(ConsumerRecord<String, byte[]> message, String where, RuntimeException cause) {
        String reason = "reaction failed " + tries + " times: " + cause;
        LOG.errorf(cause, "quarantined ledger record %s: %s", where, reason);
        quarantine.replaceOne(Filters.eq("_id", where), new Document("_id", where)
                        .append("reason", reason).append("at", new Date())
                        .append("record", new String(message.value(), StandardCharsets.UTF_8)),
                new ReplaceOptions().upsert(true));
    }
}

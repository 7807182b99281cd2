package org.ledgerboard.service.ledger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.InvalidRecordException;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.kafka.LedgerTopics;
import org.ledgerboard.service.ServiceConfig;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Feeds {@code ledger.events} to the service's {@link LedgerReaction}s: one consumer group per service (each
 * instance a static member, so a restart resumes within seconds), from the
 * beginning on first start, offsets committed only after every reaction succeeded (at least once; reactions
 * dedupe). A reaction that fails is retried on the same record after a pause, never skipped.
 */
@ApplicationScoped
public class LedgerSubscription {
    private static final Logger LOG = Logger.getLogger(LedgerSubscription.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final List<LedgerReaction> reactions;
    private final Map<String, Object> consumerConfig;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;
    private volatile boolean running;

    LedgerSubscription(Instance<LedgerReaction> reactions, ServiceConfig config,
                       @ConfigProperty(name = "quarkus.application.name") String group) {
        this.reactions = reactions.stream().toList();
        this.consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                // Static membership: a restarted service takes its own place in the group at once, instead of
                // waiting for the killed member's session to expire (45 s by default).
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, config.instance(),
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
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

    private synchronized void start() {
        if (reactions.isEmpty()) {
            return;
        }
        consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        consumer.subscribe(List.of(LedgerTopics.EVENTS));
        thread = new Thread(this::run, "ledger-subscription");
        thread.start();
    }

    private synchronized void stop() throws InterruptedException {
        if (thread != null) {
            running = false;
            consumer.wakeup();
            thread.join(Duration.ofSeconds(10).toMillis());
            thread = null;
        }
    }

    private void run() {
        KafkaConsumer<String, byte[]> consumer = this.consumer;
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> message : consumer.poll(Duration.ofMillis(500))) {
                    if (!handle(message)) {
                        break; // rewound to the failed record: poll it again
                    }
                }
            }
        } catch (WakeupException stopping) {
            // shutdown
        } finally {
            consumer.close();
        }
    }

    private boolean handle(ConsumerRecord<String, byte[]> message) {
        TopicPartition partition = new TopicPartition(message.topic(), message.partition());
        try {
            LedgerRecord record = EventCodec.decode(message.value());
            LedgerPosition position = new LedgerPosition(message.partition(), message.offset());
            reactions.forEach(reaction -> reaction.react(record, position));
        } catch (InvalidRecordException e) {
            LOG.warnf("skipping invalid ledger record at %s@%d: %s", partition, message.offset(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf(e, "reaction to %s@%d failed; retrying", partition, message.offset());
            consumer.seek(partition, message.offset());
            pause();
            return false;
        }
        consumer.commitSync(Map.of(partition, new OffsetAndMetadata(message.offset() + 1)));
        return true;
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis()); // back off before retrying a failed reaction
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.ledgerboard.service.ledger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.Actor;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.kafka.LedgerTopics;
import org.ledgerboard.testkit.LedgerInfra;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How an instance learns its source's events are on the ledger when another instance publishes them, on the real
 * (embedded) broker: the watch reports them, rests while this instance publishes, and misses none when it stops.
 */
class SourceWatchTest {
    private final String bootstrap = LedgerInfra.embedded().kafkaBootstrap();
    private final String source = "/watch-test-" + UUID.randomUUID();
    private final String competition = "watch-" + UUID.randomUUID();
    private final List<Long> reported = new CopyOnWriteArrayList<>();
    private final AtomicBoolean publishingHere = new AtomicBoolean();
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new ByteArraySerializer());
    private SourceWatch watch;

    @AfterEach
    void close() {
        watch.close();
        producer.close();
    }

    private void start() {
        watch = new SourceWatch(bootstrap, source, record -> reported.add(record.sequence()), publishingHere::get);
    }

    /** The source's event {@code sequence} of the competition, as another instance publishes it. */
    private void published(long sequence) throws Exception {
        LedgerRecord record = EventCodec.stamp(new LedgerRecord(UUID.randomUUID().toString(), source, null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), competition, sequence,
                new Actor(Actor.ORGANISER, "msit-nipa", "urn:ledgerboard:local"),
                new TeamSelected(competition, "team-" + sequence, "team", "lab", List.of("lab"), List.of(), null),
                null));
        producer.send(new ProducerRecord<>(LedgerTopics.EVENTS, competition, EventCodec.encode(record))).get();
    }

    @Test
    void anEventOfTheSourcePublishedElsewhereIsReported() throws Exception {
        start();

        published(0);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(reported).containsExactly(0L));
    }

    @Test
    void whileThisInstancePublishesTheWatchRestsAndWhenItStopsItReportsWhatWasPublishedMeanwhile() throws Exception {
        publishingHere.set(true);
        start();
        published(0);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(reported::isEmpty);

        publishingHere.set(false);
        published(1);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(reported).containsExactly(0L, 1L));
    }
}

package org.ledgerboard.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.ledgerboard.kafka.LedgerReader;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The one reader of the ledger, on the real (embedded) broker: where it starts, where it stops, in what order. */
class LedgerReaderTest {
    private final String bootstrap = LedgerInfra.embedded().kafkaBootstrap();
    private final String topic = "reader-" + UUID.randomUUID();

    LedgerReaderTest() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
    }

    /** Publishes values 0..count-1 to partition 0 and, as "p1-i", to partition 1. */
    private void publish(int from, int count) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = from; i < from + count; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "c0", bytes(String.valueOf(i)))).get();
                producer.send(new ProducerRecord<>(topic, 1, "c1", bytes("p1-" + i))).get();
            }
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> values(List<ConsumerRecord<String, byte[]>> records, int partition) {
        return records.stream().filter(r -> r.partition() == partition)
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void readingToTheEndReadsEachPartitionInOrderUpToItsEndAtTheCall() throws Exception {
        publish(0, 5);
        List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();

        LedgerReader.readAll(bootstrap, topic, LedgerReader.Pace.REPLAY, read::add);

        assertThat(values(read, 0)).containsExactly("0", "1", "2", "3", "4");
        assertThat(values(read, 1)).containsExactly("p1-0", "p1-1", "p1-2", "p1-3", "p1-4");
    }

    @Test
    void partitionsOfDifferentLengthsAreReadInStepAndEndTogether() throws Exception {
        byte[] record = new byte[100_000]; // a replay fetches 2 MB of a partition at a time: 20 of these
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 300; i++) { // partition 0: 60 records (3 fetches); partition 1: 300 (15 fetches)
                if (i < 60) {
                    producer.send(new ProducerRecord<>(topic, 0, "c0", record));
                }
                producer.send(new ProducerRecord<>(topic, 1, "c1", record));
            }
        }
        int[] readOfPartition1 = new int[1];
        int[] readOfPartition1WhenPartition0Ended = new int[1];

        LedgerReader.readAll(bootstrap, topic, LedgerReader.Pace.REPLAY, r -> {
            if (r.partition() == 1) {
                readOfPartition1[0]++;
            } else if (r.offset() == 59) {
                readOfPartition1WhenPartition0Ended[0] = readOfPartition1[0];
            }
        });

        assertThat(readOfPartition1[0]).isEqualTo(300);
        // read as they come, partition 1 was at 40-60; in step, as far through as partition 0 less the fetch of it the
        // consumer had asked for before a pause (a third of partition 0, here): over 200
        assertThat(readOfPartition1WhenPartition0Ended[0]).isGreaterThanOrEqualTo(150);
    }

    @Test
    void readingUntilAnOffsetReadsThatPartitionOnlyAndStopsBeforeIt() throws Exception {
        publish(0, 5);
        List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();

        try (LedgerReader reader = LedgerReader.open(bootstrap, topic, LedgerReader.Pace.REPLAY)) {
            reader.readUntil(Map.of(new TopicPartition(topic, 1), 3L), read::add);
        }

        assertThat(values(read, 1)).containsExactly("p1-0", "p1-1", "p1-2");
        assertThat(values(read, 0)).isEmpty();
    }

    @Test
    void aReaderToldWhereToStartReadsOnFromThereAndKnowsTheEnds() throws Exception {
        publish(0, 5);
        List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();

        try (LedgerReader reader = LedgerReader.open(bootstrap, topic, LedgerReader.Pace.LIVE)) {
            Map<TopicPartition, Long> end = reader.assignAll(Map.of(new TopicPartition(topic, 0), 3L));
            assertThat(end).containsEntry(new TopicPartition(topic, 0), 5L).containsEntry(new TopicPartition(topic, 1), 5L);
            while (!reader.reached(end)) {
                reader.poll(Duration.ofMillis(200)).forEach(read::add);
            }
            assertThat(reader.lag()).isZero();
        }

        assertThat(values(read, 0)).containsExactly("3", "4");
        assertThat(values(read, 1)).hasSize(5);
    }

    @Test
    void theSumOfPositionsIsGivenWithoutWaitingAndOnlyOnceEveryPositionIsKnown() throws Exception {
        publish(0, 2);

        try (LedgerReader reader = LedgerReader.open(bootstrap, topic, LedgerReader.Pace.LIVE)) {
            reader.assignAll(Map.of(new TopicPartition(topic, 0), 1L)); // partition 1 goes to its beginning: asked of the broker

            assertThat(reader.positionsSum()).isEmpty(); // the broker has not answered yet, and it is not waited for
            assertThat(reader.positions()).containsEntry(new TopicPartition(topic, 1), 0L); // this one waits
            assertThat(reader.positionsSum()).hasValue(1L);
        }
    }

    @Test
    void skippingToATimeGoesOnFromTheFirstRecordWrittenThenAndNeverBack() throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 5; i++) { // partition 0 written at seconds 0..4, partition 1 at second 0 only
                producer.send(new ProducerRecord<>(topic, 0, 1_000L * i, "c0", bytes(String.valueOf(i)))).get();
            }
            producer.send(new ProducerRecord<>(topic, 1, 0L, "c1", bytes("p1-0"))).get();
        }
        List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();

        try (LedgerReader reader = LedgerReader.open(bootstrap, topic, LedgerReader.Pace.LIVE)) {
            Map<TopicPartition, Long> end = reader.assignAll(Map.of(new TopicPartition(topic, 0), 4L));
            reader.skipTo(Instant.ofEpochMilli(2_500)); // partition 0: already beyond; partition 1: to its end
            assertThat(reader.positions()).containsEntry(new TopicPartition(topic, 0), 4L)
                    .containsEntry(new TopicPartition(topic, 1), 1L);
            reader.seek(new TopicPartition(topic, 0), 0);
            reader.skipTo(Instant.ofEpochMilli(2_500));
            while (!reader.reached(end)) {
                reader.poll(Duration.ofMillis(200)).forEach(read::add);
            }
        }

        assertThat(values(read, 0)).containsExactly("3", "4");
        assertThat(values(read, 1)).isEmpty();
    }

    @Test
    void aGroupMemberGoesOnAfterWhatTheGroupCommitted() throws Exception {
        // groups read ledger.events; this test's records are told apart by a competition of their own
        String c = "reader-group-" + UUID.randomUUID();
        LedgerTopic ledger = new LedgerTopic(bootstrap);
        String group = "reader-test-" + UUID.randomUUID();
        ledger.publishRaw(c, bytes("first"));
        List<String> firstRead = readInGroup(group, c, 1);
        ledger.publishRaw(c, bytes("second"));

        List<String> secondRead = readInGroup(group, c, 1);

        assertThat(firstRead).containsExactly("first");
        assertThat(secondRead).containsExactly("second");
    }

    /** Joins the group, reads until {@code count} records of competition {@code c}, commits what it read. */
    private List<String> readInGroup(String group, String c, int count) {
        List<String> read = new ArrayList<>();
        try (LedgerReader reader = LedgerReader.inGroup(bootstrap, LedgerReader.Pace.BATCHED, group, group + "-1",
                new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    }
                })) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(200))) {
                    if (c.equals(r.key())) {
                        read.add(new String(r.value(), StandardCharsets.UTF_8));
                    }
                    reader.commit(Map.of(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1)));
                }
            }
        }
        return read;
    }
}

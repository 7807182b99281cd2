package org.ledgerboard.auditor;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.ledgerboard.core.kafka.LedgerTopics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Where the auditor reads a ledger from: a JSON Lines export (position = line number) or a Kafka cluster. */
public interface LedgerSource {
    /** Receives each record with its position: the line number, or the offset in its partition. */
    interface Visitor {
        void record(long position, String competitionId, byte[] value) throws IOException;
    }

    void read(Visitor visitor);

    String describe();

    /** One record per line, as {@code export} writes them; blank lines are skipped. */
    static LedgerSource file(Path file) {
        return new LedgerSource() {
            @Override
            public void read(Visitor visitor) {
                try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    long number = 0;
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        number++;
                        if (!line.isBlank()) {
                            visitor.record(number, null, line.getBytes(StandardCharsets.UTF_8));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read ledger " + file, e);
                }
            }

            @Override
            public String describe() {
                return file.toString();
            }
        };
    }

    /** Every partition of {@code ledger.events} from the beginning to its end at the time of reading. */
    static LedgerSource kafka(String bootstrap) {
        return kafka(bootstrap, LedgerTopics.EVENTS);
    }

    /**
     * Every partition of a topic from the beginning to its end at the time of reading, in large fetches: a replay
     * wants throughput, not the latency the defaults trade it for.
     */
    static LedgerSource kafka(String bootstrap, String topic) {
        return new LedgerSource() {
            @Override
            public void read(Visitor visitor) {
                try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000,
                        ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 << 20,
                        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 << 20,
                        ConsumerConfig.RECEIVE_BUFFER_CONFIG, 4 << 20,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                        new StringDeserializer(), new ByteArrayDeserializer())) {
                    List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
                            .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                    while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                            try {
                                visitor.record(r.offset(), r.key(), r.value());
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    }
                }
            }

            @Override
            public String describe() {
                return topic + " at " + bootstrap;
            }
        };
    }
}

package org.ledgerboard.service.ledger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.ledgerboard.core.kafka.LedgerTopics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Reads {@code ledger.events} from the beginning up to given offsets, without a consumer group. */
final class LedgerScan {
    private LedgerScan() {
    }

    /** Every partition, up to its end at the time of the call. */
    static void wholeTopic(String bootstrap, Consumer<ConsumerRecord<String, byte[]>> each) {
        scan(bootstrap, consumer -> consumer.endOffsets(partitions(consumer)), each);
    }

    /** One partition, up to and including {@code position}. */
    static void upTo(String bootstrap, LedgerPosition position, Consumer<ConsumerRecord<String, byte[]>> each) {
        TopicPartition partition = new TopicPartition(LedgerTopics.EVENTS, position.partition());
        scan(bootstrap, consumer -> Map.of(partition, position.offset() + 1), each);
    }

    private static void scan(String bootstrap, Function<KafkaConsumer<String, byte[]>, Map<TopicPartition, Long>> until,
                             Consumer<ConsumerRecord<String, byte[]>> each) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            Map<TopicPartition, Long> end = until.apply(consumer);
            consumer.assign(end.keySet());
            consumer.seekToBeginning(end.keySet());
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                    }
                }
            }
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        return consumer.partitionsFor(LedgerTopics.EVENTS, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }
}

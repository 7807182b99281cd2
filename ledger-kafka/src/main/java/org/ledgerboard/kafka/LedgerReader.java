package org.ledgerboard.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The one reader of the ledger's topics: the auditor, projections, reactions, services rebuilding their state and
 * tests all read through it, with the settings their pace needs, each partition in order. Either it reads from
 * positions it is given ({@link #assignAll}, {@link #readUntil}, {@link #readToEnd}), or it reads as a member of a
 * consumer group ({@link #inGroup}), whose committed offsets say where to go on.
 */
public final class LedgerReader implements AutoCloseable {
    /** How a reader fetches, in Kafka's settings. */
    public enum Pace {
        /**
         * Much per request: a replay wants throughput, not the latency the defaults trade it for. But not too much of
         * one partition: a poll hands over one partition's fetch after another, and 16 MB of one (~30,000 records,
         * mostly of one competition) kept one of an audit's threads busy while the other waited; 2 MB reads as fast.
         */
        REPLAY(Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 << 20,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 << 20,
                ConsumerConfig.RECEIVE_BUFFER_CONFIG, 4 << 20)),
        /** A record as soon as it is on the topic: live views, decisions someone waits for. */
        LIVE(Map.of()),
        /**
         * Up to 20 ms late, in batches: under load a fetch then brings tens of records instead of one, which is most
         * of what the broker spends on each service's subscription.
         */
        BATCHED(Map.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 16_384,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20));

        private final Map<String, Object> settings;

        Pace(Map<String, Object> settings) {
            this.settings = settings;
        }
    }

    /** Receives each record read. */
    public interface Visitor {
        void record(ConsumerRecord<String, byte[]> record);
    }

    /** How far a partition may be ahead of the one furthest behind, as a share of what it has to read. */
    private static final double STEP = 0.02;

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;

    private LedgerReader(String bootstrap, String topic, Pace pace, Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(pace.settings);
        settings.putAll(more);
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
    }

    /** A reader of {@code ledger.events} that is told where to read. */
    public static LedgerReader open(String bootstrap, Pace pace) {
        return open(bootstrap, LedgerTopics.EVENTS, pace);
    }

    public static LedgerReader open(String bootstrap, String topic, Pace pace) {
        return new LedgerReader(bootstrap, topic, pace, Map.of());
    }

    /**
     * A static member ({@code instance}) of a consumer group reading {@code ledger.events} from the group's committed
     * offsets, or from the beginning the first time: a restarted member takes its own place in the group at once,
     * instead of waiting for the killed member's session to expire (45 s by default).
     */
    public static LedgerReader inGroup(String bootstrap, Pace pace, String group, String instance,
                                       ConsumerRebalanceListener rebalances) {
        LedgerReader reader = new LedgerReader(bootstrap, LedgerTopics.EVENTS, pace, Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instance,
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        reader.consumer.subscribe(List.of(LedgerTopics.EVENTS), rebalances);
        return reader;
    }

    /** Every record of the topic, each partition in order, up to the end it has when this is called. */
    public static void readAll(String bootstrap, String topic, Pace pace, Visitor visitor) {
        try (LedgerReader reader = open(bootstrap, topic, pace)) {
            reader.readToEnd(visitor);
        }
    }

    public static void readAll(String bootstrap, Visitor visitor) {
        readAll(bootstrap, LedgerTopics.EVENTS, Pace.REPLAY, visitor);
    }

    /** Takes every partition, each from the offset given (from the beginning where none is); returns their ends now. */
    public Map<TopicPartition, Long> assignAll(Map<TopicPartition, Long> from) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        from.forEach(consumer::seek);
        return consumer.endOffsets(partitions);
    }

    /** Where the reader is in each of its partitions: the offset of the next record it reads. */
    public Map<TopicPartition, Long> positions() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        consumer.assignment().forEach(partition -> positions.put(partition, consumer.position(partition)));
        return positions;
    }

    /**
     * How far the reader is in all its partitions together (the sum of their positions), or empty when it does not
     * know a position yet: it never waits, where {@link #positions} asks the broker for a partition just assigned
     * (for up to a minute, and throws when the broker does not answer).
     */
    public OptionalLong positionsSum() {
        long sum = 0;
        for (TopicPartition partition : consumer.assignment()) {
            try {
                sum += consumer.position(partition, Duration.ZERO);
            } catch (TimeoutException notKnownYet) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(sum);
    }

    /** Every record of every partition, from the beginning up to the end it has now. */
    public void readToEnd(Visitor visitor) {
        readUntil(assignAll(Map.of()), visitor);
    }

    /**
     * The partitions named, each from the beginning up to (excluding) the offset given, read in step: each as far
     * through what it has to read as the others (see {@link #keepInStep}).
     */
    public void readUntil(Map<TopicPartition, Long> end, Visitor visitor) {
        consumer.assign(end.keySet());
        consumer.seekToBeginning(end.keySet());
        Map<TopicPartition, Long> begin = new HashMap<>(); // the lookup the first poll would make anyway
        end.keySet().forEach(partition -> begin.put(partition, consumer.position(partition)));
        while (!reached(end)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    visitor.record(record);
                }
            }
            keepInStep(begin, end);
        }
    }

    /**
     * Pauses the partitions that are further through what they have to read than the one furthest behind, and
     * resumes the others, so that all end together. Read as they come, a partition with fewer records ends first and
     * the longest is read alone at the end: an audit, whose competitions each live in one partition and are checked
     * on one thread each, then had one thread busy for that last stretch (a fifth of a replay of 100,000-event
     * competitions, whose ten lay over three partitions as two, five and three).
     */
    private void keepInStep(Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end) {
        Map<TopicPartition, Double> progress = new HashMap<>();
        end.forEach((partition, last) -> {
            long length = last - begin.get(partition);
            long read = consumer.position(partition) - begin.get(partition);
            if (read < length) {
                progress.put(partition, (double) read / length);
            }
        });
        double behind = progress.values().stream().min(Double::compare).orElse(1.0);
        List<TopicPartition> ahead = progress.entrySet().stream().filter(p -> p.getValue() > behind + STEP)
                .map(Map.Entry::getKey).toList();
        consumer.resume(consumer.paused());
        consumer.pause(ahead);
    }

    /**
     * The records of one partition at offsets {@code first} to {@code last} (both included), in order; fewer when the
     * partition ends before {@code last}. For a reader told where to read, not one in a group. Throws
     * {@link org.apache.kafka.common.errors.TimeoutException} when they are not all read within {@code timeout}.
     */
    public void readRange(TopicPartition partition, long first, long last, Duration timeout, Visitor visitor) {
        long deadline = System.nanoTime() + timeout.toNanos();
        consumer.assign(List.of(partition));
        consumer.seek(partition, first);
        long end = Math.min(last + 1, consumer.endOffsets(List.of(partition), timeout).get(partition));
        while (consumer.position(partition, timeout) < end) {
            if (System.nanoTime() - deadline > 0) {
                throw new org.apache.kafka.common.errors.TimeoutException("records " + first + ".." + last + " of "
                        + partition + " not read within " + timeout);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < end) {
                    visitor.record(record);
                }
            }
        }
    }

    public ConsumerRecords<String, byte[]> poll(Duration timeout) {
        return consumer.poll(timeout);
    }

    /** True when the reader has read every partition named up to the offset given. */
    public boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /** Reads {@code partition} again from {@code offset}, e.g. a record to retry. */
    public void seek(TopicPartition partition, long offset) {
        consumer.seek(partition, offset);
    }

    /**
     * Moves each partition on to its first record written at or after {@code time} (to its end where there is
     * none), never back: for a reader that may skip what was written before then.
     */
    public void skipTo(Instant time) {
        Map<TopicPartition, Long> at = new HashMap<>();
        consumer.assignment().forEach(partition -> at.put(partition, time.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> first = consumer.offsetsForTimes(at);
        Map<TopicPartition, Long> ends = consumer.endOffsets(at.keySet());
        at.keySet().forEach(partition -> {
            OffsetAndTimestamp then = first.get(partition);
            long target = then != null ? then.offset() : ends.get(partition);
            if (target > consumer.position(partition)) {
                consumer.seek(partition, target);
            }
        });
    }

    /** Records the group's progress (readers in a group only). */
    public void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        consumer.commitSync(offsets);
    }

    /** How many records of its partitions the reader has yet to read, as of its last fetch. */
    public long lag() {
        return consumer.assignment().stream().mapToLong(p -> consumer.currentLag(p).orElse(0)).sum();
    }

    /** Makes a poll under way, or the next, throw {@code WakeupException}: how another thread stops a reader. */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }
}

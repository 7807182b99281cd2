package org.ledgerboard.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.LedgerSealed;
import org.ledgerboard.kafka.LedgerReader;
import org.ledgerboard.kafka.LedgerTopics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/** Reads and writes {@code ledger.events} from tests, as an outside party would. */
public final class LedgerTopic {
    private final String bootstrap;
    private int partitions; // of ledger.events, once asked

    public LedgerTopic(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    public static LedgerTopic shared() {
        return new LedgerTopic(LedgerInfra.start().kafkaBootstrap());
    }

    /** One record as it sits in the topic: where, under which key, with which bytes and headers (last of each). */
    public record Entry(int partition, long offset, String key, byte[] value, Map<String, String> headers) {
        public LedgerRecord decoded() {
            return EventCodec.decode(value);
        }
    }

    /** Every record of the competition's partition, from the beginning to the current end, in partition order. */
    public List<Entry> competition(String competitionId) {
        return all().stream().filter(e -> competitionId.equals(e.key())).toList();
    }

    /** The partition the competition's records go to, as a producer chooses it from their key. */
    public int partitionOf(String competitionId) {
        return BuiltInPartitioner.partitionForKey(competitionId.getBytes(StandardCharsets.UTF_8), partitions());
    }

    private synchronized int partitions() {
        if (partitions == 0) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                partitions = admin.describeTopics(List.of(LedgerTopics.EVENTS)).allTopicNames().get()
                        .get(LedgerTopics.EVENTS).partitions().size();
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot describe " + LedgerTopics.EVENTS, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return partitions;
    }

    /** The acts recorded for these competitions, decoded: every record but the seals, which carry no actor. */
    public List<LedgerRecord> acts(Collection<String> competitionIds) {
        return all().stream().map(Entry::decoded)
                .filter(r -> competitionIds.contains(r.competitionId()) && !(r.data() instanceof LedgerSealed))
                .toList();
    }

    /** Every record of every partition, each partition in order. */
    public List<Entry> all() {
        List<Entry> entries = new ArrayList<>();
        LedgerReader.readAll(bootstrap, r -> {
            Map<String, String> headers = new HashMap<>();
            r.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
            entries.add(new Entry(r.partition(), r.offset(), r.key(), r.value(), headers));
        });
        return entries;
    }

    /** Publishes a record as another service would (key = competitionId, its type in a header). */
    public void publish(LedgerRecord record) {
        publish(record, Map.of());
    }

    /** As {@link #publish(LedgerRecord)}, with more headers, e.g. a W3C {@code traceparent}. */
    public void publish(LedgerRecord record, Map<String, String> headers) {
        send(message(record.competitionId(), EventCodec.encode(record), record.type(), headers));
    }

    /**
     * Publishes records in one transaction, as a service's publisher does: readers see them all at once, when it
     * commits, so that a ledger grows by more than a reader has read yet.
     */
    public void publishAll(List<LedgerRecord> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "testkit-" + UUID.randomUUID()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            records.forEach(r -> producer.send(message(r.competitionId(), EventCodec.encode(r), r.type(), Map.of())));
            producer.commitTransaction(); // fails if any send did
        }
    }

    /** Publishes bytes as they are, e.g. a tampered record, without a type header. */
    public void publishRaw(String competitionId, byte[] value) {
        send(message(competitionId, value, null, Map.of()));
    }

    private static ProducerRecord<String, byte[]> message(String competitionId, byte[] value, String type,
                                                          Map<String, String> headers) {
        ProducerRecord<String, byte[]> message = new ProducerRecord<>(LedgerTopics.EVENTS, competitionId, value);
        if (type != null) {
            message.headers().add(LedgerTopics.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        }
        headers.forEach((name, text) -> message.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        return message;
    }

    private void send(ProducerRecord<String, byte[]> message) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(message).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + message.key(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

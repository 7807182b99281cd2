package org.ledgerboard.service.ledger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.InvalidRecordException;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.LedgerSealed;
import org.ledgerboard.core.integrity.Sealer;
import org.ledgerboard.core.integrity.SigningKey;
import org.ledgerboard.core.integrity.SourceChain;
import org.ledgerboard.core.kafka.LedgerTopics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * This service's source chains as the ledger holds them, and what its seals already cover. Rebuilt from the topic
 * itself at start and after a failed send: the chain is defined over partition order, and only the topic knows it.
 */
final class SealBook {
    private static final Logger LOG = Logger.getLogger(SealBook.class);

    private final Sealer sealer;
    private final Map<String, Long> chained = new HashMap<>();
    private final Map<String, Long> covered = new HashMap<>();
    private final Map<String, Long> seals = new HashMap<>();

    private SealBook(Sealer sealer) {
        this.sealer = sealer;
    }

    static String sealAggregate(String source) {
        return source + "/seals";
    }

    Sealer sealer() {
        return sealer;
    }

    void chained(LedgerRecord record) {
        if (sealer.append(record) == SourceChain.Outcome.APPENDED) {
            chained.merge(record.competitionId(), 1L, Long::sum);
        }
    }

    void sealed(LedgerSealed seal) {
        covered.put(seal.competitionId(), seal.count());
        seals.merge(seal.competitionId(), 1L, Long::sum);
    }

    long unsealed(String competitionId) {
        return chained.getOrDefault(competitionId, 0L) - covered.getOrDefault(competitionId, 0L);
    }

    long sealsPublished(String competitionId) {
        return seals.getOrDefault(competitionId, 0L);
    }

    List<String> competitionsWithNews() {
        return chained.keySet().stream().filter(c -> unsealed(c) > 0).sorted().toList();
    }

    /** Reads {@code ledger.events} from the beginning to its current end, keeping this source's records. */
    static SealBook recover(String bootstrapServers, String source, SigningKey key) {
        SealBook book = new SealBook(new Sealer(source, key));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(LedgerTopics.EVENTS, Duration.ofSeconds(30))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long read = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> message : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    book.replay(source, message.value());
                }
            }
            LOG.infof("%s: source chains rebuilt from %d ledger records", source, read);
        }
        return book;
    }

    private void replay(String source, byte[] value) {
        LedgerRecord record;
        try {
            record = EventCodec.decode(value);
        } catch (InvalidRecordException e) {
            return; // not ours to judge here; the auditor reports it
        }
        if (!source.equals(record.source())) {
            return;
        }
        if (record.data() instanceof LedgerSealed seal) {
            sealed(seal);
        } else {
            chained(record);
        }
    }
}

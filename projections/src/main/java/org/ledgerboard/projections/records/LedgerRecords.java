package org.ledgerboard.projections.records;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;
import org.ledgerboard.kafka.LedgerReader;
import org.ledgerboard.kafka.LedgerTopics;
import org.ledgerboard.projections.ledger.CompetitionProjection.Leaf;
import org.ledgerboard.service.ServiceConfig;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A competition's records as the ledger holds them, byte for byte, read from Kafka at the positions of their leaves:
 * projections keep only each record's hash and position, and the ledger is where a reader checks them against.
 * One reader, opened on first use, serves every request in turn (a KafkaConsumer is not thread-safe).
 */
@ApplicationScoped
public class LedgerRecords {
    private final String bootstrap;
    private LedgerReader reader;

    LedgerRecords(ServiceConfig config) {
        this.bootstrap = config.kafka().bootstrapServers();
    }

    /** The records the leaves stand for (all of one partition, ascending positions), as JSON text, in leaf order. */
    public synchronized List<String> read(int partition, List<Leaf> leaves) {
        if (leaves.isEmpty()) {
            return List.of();
        }
        if (reader == null) {
            reader = LedgerReader.open(bootstrap, LedgerReader.Pace.REPLAY);
        }
        Map<Long, String> byPosition = new HashMap<>();
        for (Leaf leaf : leaves) {
            byPosition.put(leaf.position(), null);
        }
        // Bounded: one request waiting on a broker that is away must not hold the others for long.
        reader.readRange(new TopicPartition(LedgerTopics.EVENTS, partition), leaves.get(0).position(),
                leaves.get(leaves.size() - 1).position(), Duration.ofSeconds(10), record -> {
                    if (byPosition.containsKey(record.offset())) {
                        byPosition.put(record.offset(), new String(record.value(), StandardCharsets.UTF_8));
                    }
                });
        List<String> records = new ArrayList<>(leaves.size());
        for (Leaf leaf : leaves) {
            String record = byPosition.get(leaf.position());
            if (record == null) {
                throw new IllegalStateException("the ledger has no record at position " + leaf.position()
                        + " of partition " + partition + " (a leaf of the tree says it has)");
            }
            records.add(record);
        }
        return records;
    }

    @PreDestroy
    synchronized void close() {
        if (reader != null) {
            reader.close();
        }
    }
}

package org.ledgerboard.service.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.InvalidRecordException;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.kafka.LedgerReader;
import org.ledgerboard.kafka.LedgerTopics;
import org.ledgerboard.service.ServiceConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A competition's records as the ledger holds them, up to a position: the facts a decision may rest on. */
@ApplicationScoped
public class LedgerHistory {
    private final ServiceConfig config;

    protected LedgerHistory(ServiceConfig config) {
        this.config = config;
    }

    /** The competition's well-formed records in partition order, up to and including {@code position}. */
    public List<LedgerRecord> competitionUpTo(String competitionId, LedgerPosition position) {
        List<LedgerRecord> records = new ArrayList<>();
        TopicPartition partition = new TopicPartition(LedgerTopics.EVENTS, position.partition());
        try (LedgerReader reader = LedgerReader.open(config.kafka().bootstrapServers(), LedgerReader.Pace.REPLAY)) {
            reader.readUntil(Map.of(partition, position.offset() + 1), message -> {
                if (competitionId.equals(message.key())) {
                    try {
                        records.add(EventCodec.decode(message.value()));
                    } catch (InvalidRecordException e) {
                        // a malformed record is no fact; the auditor reports it
                    }
                }
            });
        }
        return records;
    }
}

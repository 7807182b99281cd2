package org.ledgerboard.service.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.InvalidRecordException;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.service.ServiceConfig;

import java.util.ArrayList;
import java.util.List;

/** A competition's records as the ledger holds them, up to a position: the facts a decision may rest on. */
@ApplicationScoped
public class LedgerHistory {
    private final ServiceConfig config;

    LedgerHistory(ServiceConfig config) {
        this.config = config;
    }

    /** The competition's well-formed records in partition order, up to and including {@code position}. */
    public List<LedgerRecord> competitionUpTo(String competitionId, LedgerPosition position) {
        List<LedgerRecord> records = new ArrayList<>();
        LedgerScan.upTo(config.kafka().bootstrapServers(), position, message -> {
            if (competitionId.equals(message.key())) {
                try {
                    records.add(EventCodec.decode(message.value()));
                } catch (InvalidRecordException e) {
                    // a malformed record is no fact; the auditor reports it
                }
            }
        });
        return records;
    }
}

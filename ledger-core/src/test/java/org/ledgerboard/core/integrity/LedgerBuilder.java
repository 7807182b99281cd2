package org.ledgerboard.core.integrity;

import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.LedgerRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds a ledger as services would publish it: hashed records, and seals each source signs over its chain. */
final class LedgerBuilder {
    private final Map<String, Sealer> sealers = new HashMap<>();
    private final Map<String, SigningKey> keys = new HashMap<>();
    private final List<byte[]> records = new ArrayList<>();
    private long sequence;

    LedgerBuilder source(String source) {
        SigningKey key = SigningKey.generate();
        keys.put(source, key);
        sealers.put(source, new Sealer(source, key));
        return this;
    }

    TrustedKeys trustedKeys() {
        return keys.entrySet().stream()
                .map(e -> TrustedKeys.of(e.getKey(), e.getValue().verifyingKey()))
                .reduce(new TrustedKeys(List.of()), TrustedKeys::plus);
    }

    LedgerBuilder event(String source, LedgerEvent event) {
        LedgerRecord record = record(source, event);
        sealers.get(source).append(record);
        records.add(EventCodec.encode(record));
        return this;
    }

    LedgerBuilder seal(String source, String competitionId) {
        records.add(EventCodec.encode(record(source, sealers.get(source).seal(competitionId))));
        return this;
    }

    static LedgerRecord record(String source, LedgerEvent event) {
        return EventCodec.stamp(new LedgerRecord("evt-" + source + "-" + event.hashCode() + "-" + System.nanoTime(),
                source, null, Instant.parse("2025-12-30T09:00:00Z"), event.competitionId(), 0, event, null));
    }

    List<byte[]> records() {
        return new ArrayList<>(records);
    }
}

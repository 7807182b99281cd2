package org.ledgerboard.deploy;

import org.ledgerboard.kafka.LedgerTopics;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For the projections start-up benchmark: puts RECORDS records (competitions of 1,000 events, sealed, as the audit
 * benchmark makes them) on {@code ledger.events} of the local broker, and writes the keys that sealed them as
 * DATA/trusted-keys.json, where projections read their trusted keys. Arguments: BOOTSTRAP DATA RECORDS.
 */
public final class StartupLedger {
    private StartupLedger() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[1]);
        Path file = Files.createTempFile("startup-ledger", ".jsonl");
        try {
            AuditThroughput generator = new AuditThroughput();
            generator.generate(file, Integer.parseInt(args[2]), 1_000, false);
            AuditThroughput.produce(args[0], file, LedgerTopics.EVENTS);
            generator.trustedKeys().write(data.resolve("trusted-keys.json"));
        } finally {
            Files.delete(file);
        }
    }
}

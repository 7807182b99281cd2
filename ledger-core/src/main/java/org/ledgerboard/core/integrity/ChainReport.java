package org.ledgerboard.core.integrity;

import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link ChainVerifier}: records read, byte-identical duplicates skipped, failed checks, and per
 * chain ("competitionId source") the number of events after its last seal, which are unsealed, not verified.
 */
public record ChainReport(long records, long duplicates, List<Finding> findings, Map<String, Long> unsealed) {
    public boolean passed() {
        return findings.isEmpty();
    }
}

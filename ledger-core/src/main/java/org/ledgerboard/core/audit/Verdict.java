package org.ledgerboard.core.audit;

import org.ledgerboard.core.integrity.Finding;

import java.util.List;

/** One check's verdict: PASS, or FAIL with its findings (the first names the offending event and position). */
public record Verdict(String check, String description, List<Finding> findings) {
    public boolean passed() {
        return findings.isEmpty();
    }
}

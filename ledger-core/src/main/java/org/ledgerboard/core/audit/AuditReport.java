package org.ledgerboard.core.audit;

import org.ledgerboard.core.view.CompetitionViews;

import java.util.List;
import java.util.Map;

/**
 * The auditor's result: a verdict per check, the records read and duplicates skipped, the events no seal covers
 * yet (unsealed, not verified), and per competition the recomputed views and their digest.
 */
public record AuditReport(List<Verdict> verdicts, long records, long duplicates, Map<String, Long> unsealed,
                          List<CompetitionViews> views, Map<String, String> viewsDigests) {
    public boolean passed() {
        return verdicts.stream().allMatch(Verdict::passed);
    }
}

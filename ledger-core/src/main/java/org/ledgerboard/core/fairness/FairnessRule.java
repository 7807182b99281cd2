package org.ledgerboard.core.fairness;

import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.integrity.Finding;

import java.util.List;

/** One of the fairness rules F1–F7, checked on replay: each record is judged against the facts before it. */
public interface FairnessRule {
    /** The rule's name as the auditor prints it, e.g. {@code F2 eligible submissions}. */
    String name();

    /** Judges one distinct, verified record; {@code before} holds the competition's facts up to it. */
    void check(long position, LedgerRecord record, CompetitionFacts before, List<Finding> findings);

    /** What can only be judged once the whole ledger was read. */
    default void finish(java.util.Map<String, CompetitionFacts> competitions, List<Finding> findings) {
    }

    static Finding finding(String rule, long position, LedgerRecord record, String message) {
        return new Finding(rule, position, record == null ? null : record.id(), message);
    }
}

package org.ledgerboard.core.fairness;

import org.ledgerboard.core.event.EvaluationRecorded;
import org.ledgerboard.core.event.EvaluatorAssigned;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.RoundClosed;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.RoundScored;
import org.ledgerboard.core.event.SubmissionMade;
import org.ledgerboard.core.integrity.Finding;

import java.util.List;

/** F1: a round's rules are declared in RoundOpened before anything happens in it, and never change. */
public final class RulesDeclaredFirst implements FairnessRule {
    @Override
    public String name() {
        return "F1";
    }

    @Override
    public void check(long position, LedgerRecord record, CompetitionFacts before, List<Finding> findings) {
        LedgerEvent event = record.data();
        if (event instanceof RoundOpened opened) {
            RoundOpened earlier = before.round(opened.roundId());
            if (earlier != null && !earlier.equals(opened)) {
                findings.add(FairnessRule.finding(name(), position, record,
                        "round " + opened.roundId() + " was declared again with other rules"));
            }
            return;
        }
        String roundId = roundOf(event);
        if (roundId != null && before.round(roundId) == null) {
            findings.add(FairnessRule.finding(name(), position, record, event.getClass().getSimpleName()
                    + " in round " + roundId + " before its rules were declared"));
        }
    }

    private static String roundOf(LedgerEvent event) {
        if (event instanceof SubmissionMade e) {
            return e.roundId();
        } else if (event instanceof EvaluatorAssigned e) {
            return e.roundId();
        } else if (event instanceof EvaluationRecorded e) {
            return e.roundId();
        } else if (event instanceof RoundScored e) {
            return e.roundId();
        } else if (event instanceof RoundClosed e) {
            return e.roundId();
        }
        return null;
    }
}

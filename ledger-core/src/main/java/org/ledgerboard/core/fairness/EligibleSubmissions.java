package org.ledgerboard.core.fairness;

import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.SubmissionMade;
import org.ledgerboard.core.integrity.Finding;

import java.util.List;

/** F2: only active teams submit, and only before the deadline and before RoundClosed. */
public final class EligibleSubmissions implements FairnessRule {
    @Override
    public String name() {
        return "F2";
    }

    @Override
    public void check(long position, LedgerRecord record, CompetitionFacts before, List<Finding> findings) {
        if (!(record.data() instanceof SubmissionMade s)) {
            return;
        }
        RoundOpened round = before.round(s.roundId());
        if (!before.isActive(s.teamId())) {
            findings.add(FairnessRule.finding(name(), position, record, "team " + s.teamId()
                    + " submitted while not active"));
        } else if (round != null && s.submittedAt().isAfter(round.submissionDeadline())) {
            findings.add(FairnessRule.finding(name(), position, record, "submission at " + s.submittedAt()
                    + " after the deadline " + round.submissionDeadline()));
        } else if (before.isClosed(s.roundId())) {
            findings.add(FairnessRule.finding(name(), position, record, "submission after round " + s.roundId()
                    + " closed"));
        }
    }
}

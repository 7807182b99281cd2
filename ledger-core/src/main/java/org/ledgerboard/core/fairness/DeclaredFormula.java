package org.ledgerboard.core.fairness;

import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.RoundScored;
import org.ledgerboard.core.event.SubmissionMade;
import org.ledgerboard.core.integrity.Finding;

import java.util.List;

/** F4: each RoundScored equals the declared formula over the recorded evaluations. */
public final class DeclaredFormula implements FairnessRule {
    @Override
    public String name() {
        return "F4";
    }

    @Override
    public void check(long position, LedgerRecord record, CompetitionFacts before, List<Finding> findings) {
        if (!(record.data() instanceof RoundScored scored)) {
            return;
        }
        RoundOpened round = before.round(scored.roundId());
        SubmissionMade submission = before.firstSubmission(scored.roundId(), scored.teamId());
        if (round == null || submission == null) {
            return; // F1 and F7 report these
        }
        var evaluations = before.evaluations(submission.submissionId());
        if (!RoundScoring.missing(round, submission.submissionId(), evaluations).isEmpty()) {
            findings.add(FairnessRule.finding(name(), position, record, "team " + scored.teamId()
                    + " was scored without an evaluation for every criterion"));
            return;
        }
        RoundScoring.TeamScore expected = RoundScoring.score(round, evaluations);
        if (expected.total().compareTo(scored.total()) != 0 || !expected.criterionMeans().equals(scored.criterionMeans())) {
            findings.add(FairnessRule.finding(name(), position, record, "team " + scored.teamId() + " scored "
                    + scored.total() + " " + scored.criterionMeans() + " but the declared formula gives "
                    + expected.total() + " " + expected.criterionMeans()));
        }
    }
}

package org.ledgerboard.core.fairness;

import org.ledgerboard.core.event.EvaluationRecorded;
import org.ledgerboard.core.event.FundingDisbursed;
import org.ledgerboard.core.event.FundingGranted;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.SubmissionMade;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.integrity.Finding;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ids: within a competition, every team, grant, disbursement, submission and round id is recorded once, and so is
 * every evaluation (an evaluator's score of one submission on one criterion). A second record of the same id is
 * an act done twice, e.g. a retried command executed again, even when each copy is well-formed and sealed.
 */
public final class UniqueIds implements FairnessRule {
    private final Map<String, Set<String>> seen = new HashMap<>();

    @Override
    public String name() {
        return "ids";
    }

    @Override
    public void check(long position, LedgerRecord record, CompetitionFacts before, List<Finding> findings) {
        String id = idOf(record);
        if (id != null && !seen.computeIfAbsent(record.competitionId(), c -> new HashSet<>()).add(id)) {
            findings.add(FairnessRule.finding(name(), position, record, id + " is recorded a second time"));
        }
    }

    private static String idOf(LedgerRecord record) {
        Object event = record.data();
        if (event instanceof TeamSelected e) {
            return "team " + e.teamId();
        } else if (event instanceof FundingGranted e) {
            return "grant " + e.grantId();
        } else if (event instanceof FundingDisbursed e) {
            return "disbursement " + e.disbursementId();
        } else if (event instanceof SubmissionMade e) {
            return "submission " + e.submissionId();
        } else if (event instanceof RoundOpened e) {
            return "round " + e.roundId();
        } else if (event instanceof EvaluationRecorded e) {
            return "evaluation of submission " + e.submissionId() + " by " + e.evaluatorId() + " on " + e.criterion();
        }
        return null;
    }
}

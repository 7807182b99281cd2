package org.ledgerboard.core.fairness;

import org.ledgerboard.core.event.EvaluationRecorded;
import org.ledgerboard.core.event.EvaluatorAssigned;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.SubmissionMade;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.integrity.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** F3: every evaluation comes from an evaluator assigned to that round and criterion, outside the team. */
public final class EligibleEvaluations implements FairnessRule {
    @Override
    public String name() {
        return "F3";
    }

    @Override
    public void check(long position, LedgerRecord record, CompetitionFacts before, List<Finding> findings) {
        if (!(record.data() instanceof EvaluationRecorded e)) {
            return;
        }
        EvaluatorAssigned evaluator = before.evaluator(e.roundId(), e.evaluatorId());
        if (evaluator == null || !evaluator.criteria().contains(e.criterion())) {
            findings.add(FairnessRule.finding(name(), position, record, "evaluator " + e.evaluatorId()
                    + " is not assigned to " + e.criterion() + " in round " + e.roundId()));
            return;
        }
        SubmissionMade submission = before.submission(e.submissionId());
        TeamSelected team = submission == null ? null : before.team(submission.teamId());
        if (team != null && members(team).contains(normal(evaluator.affiliation()))) {
            findings.add(FairnessRule.finding(name(), position, record, "evaluator " + e.evaluatorId() + " ("
                    + evaluator.affiliation() + ") belongs to team " + team.teamId() + "'s consortium"));
        }
    }

    private static List<String> members(TeamSelected team) {
        List<String> members = new ArrayList<>();
        members.add(normal(team.leadOrganisation()));
        team.consortium().forEach(m -> members.add(normal(m)));
        return members;
    }

    private static String normal(String organisation) {
        return organisation.trim().toLowerCase(Locale.ROOT);
    }
}

package org.ledgerboard.core.fairness;

import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.RoundClosed;
import org.ledgerboard.core.event.RoundScored;
import org.ledgerboard.core.event.SubmissionMade;
import org.ledgerboard.core.integrity.Finding;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** F7: every team scored in a round submitted in it, and every active team that submitted was scored. */
public final class ScoredIffSubmitted implements FairnessRule {
    @Override
    public String name() {
        return "F7";
    }

    @Override
    public void check(long position, LedgerRecord record, CompetitionFacts before, List<Finding> findings) {
        if (record.data() instanceof RoundScored scored) {
            if (!before.submitted(scored.roundId(), scored.teamId())) {
                findings.add(FairnessRule.finding(name(), position, record, "team " + scored.teamId()
                        + " scored in round " + scored.roundId() + " without a submission"));
            }
        } else if (record.data() instanceof RoundClosed closed) {
            Set<String> submitted = before.submissions(closed.roundId()).stream().map(SubmissionMade::teamId)
                    .filter(before::isActive).collect(Collectors.toCollection(TreeSet::new));
            Set<String> scored = before.scores(closed.roundId()).stream().map(RoundScored::teamId)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!scored.containsAll(submitted) || !new TreeSet<>(closed.teamsScored()).equals(scored)) {
                findings.add(FairnessRule.finding(name(), position, record, "round " + closed.roundId()
                        + " closed with " + closed.teamsScored() + " scored; submitted: " + submitted
                        + ", scores recorded: " + scored));
            }
        }
    }
}

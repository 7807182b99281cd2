package org.ledgerboard.core.fairness;

import org.ledgerboard.core.event.Criterion;
import org.ledgerboard.core.event.EvaluationRecorded;
import org.ledgerboard.core.event.RoundOpened;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scoring formula a round declares (fairness rule F4), as one pure function used by evaluation-service to
 * score and by the auditor to check: per criterion the mean of the evaluators' scores, rounded to the round's
 * {@code decimals} with HALF_EVEN; the total is the weighted sum of those rounded means, rounded the same way.
 */
public final class RoundScoring {
    private static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    private RoundScoring() {
    }

    /** One team's result: mean per criterion and weighted total. */
    public record TeamScore(Map<String, BigDecimal> criterionMeans, BigDecimal total) {
    }

    /** A criterion no evaluator scored for a submission; scoring is impossible until it is. */
    public record Missing(String submissionId, String criterion) {
    }

    /** The criteria of {@code round} that have no evaluation among {@code evaluations} of one submission. */
    public static List<Missing> missing(RoundOpened round, String submissionId, List<EvaluationRecorded> evaluations) {
        List<Missing> missing = new ArrayList<>();
        for (Criterion criterion : round.criteria()) {
            if (evaluations.stream().noneMatch(e -> e.criterion().equals(criterion.name()))) {
                missing.add(new Missing(submissionId, criterion.name()));
            }
        }
        return missing;
    }

    /** Scores one submission from its evaluations; every criterion must have at least one. */
    public static TeamScore score(RoundOpened round, List<EvaluationRecorded> evaluations) {
        Map<String, BigDecimal> means = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Criterion criterion : round.criteria()) {
            List<BigDecimal> scores = evaluations.stream()
                    .filter(e -> e.criterion().equals(criterion.name()))
                    .map(EvaluationRecorded::score)
                    .toList();
            if (scores.isEmpty()) {
                throw new IllegalArgumentException("no evaluation for criterion " + criterion.name());
            }
            BigDecimal sum = scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal mean = sum.divide(BigDecimal.valueOf(scores.size()), round.decimals(), ROUNDING);
            means.put(criterion.name(), mean);
            total = total.add(criterion.weight().multiply(mean));
        }
        return new TeamScore(means, total.setScale(round.decimals(), ROUNDING));
    }
}

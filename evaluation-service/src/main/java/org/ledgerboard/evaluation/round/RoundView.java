package org.ledgerboard.evaluation.round;

import org.ledgerboard.core.event.Criterion;
import org.ledgerboard.core.event.EvaluatorAssigned;
import org.ledgerboard.core.event.PublicKeyJwk;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.RoundScored;
import org.ledgerboard.core.event.SubmissionMade;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /competitions/{c}/rounds/{r}}: the round's declared rules, its evaluators with their keys, its submissions with the
 * number of evaluations per criterion, and the scores once it is closed.
 */
public record RoundView(String competitionId, String roundId, int number, String status, Instant submissionDeadline,
                        List<Criterion> criteria, int decimals, int eliminate, List<String> tieBreak,
                        List<EvaluatorView> evaluators, List<SubmissionView> submissions,
                        List<RoundScored> scores) {

    /** An assigned evaluator and the signing key bound to it now (null when none, or revoked). */
    public record EvaluatorView(String evaluatorId, String affiliation, List<String> criteria, PublicKeyJwk publicKey) {
        static EvaluatorView of(EvaluationState.Round round, EvaluatorAssigned assigned) {
            return new EvaluatorView(assigned.evaluatorId(), assigned.affiliation(), assigned.criteria(),
                    round.keyOf(assigned.evaluatorId()));
        }
    }

    /** A submission and how many evaluations each criterion has so far. */
    public record SubmissionView(String submissionId, String teamId, String artifactDigest, String modelCardUri,
                                 Instant submittedAt, Map<String, Long> evaluations) {
    }

    static RoundView of(EvaluationState.Round round) {
        RoundOpened rules = round.opened();
        List<SubmissionView> submissions = round.submissions().values().stream().map(s -> submission(round, s)).toList();
        return new RoundView(rules.competitionId(), rules.roundId(), rules.number(),
                round.isClosed() ? "CLOSED" : "OPEN", rules.submissionDeadline(), rules.criteria(), rules.decimals(),
                rules.eliminate(), rules.tieBreak(), round.evaluators().values().stream().map(e -> EvaluatorView.of(round, e)).toList(), submissions,
                List.copyOf(round.scores()));
    }

    private static SubmissionView submission(EvaluationState.Round round, SubmissionMade s) {
        Map<String, Long> counts = new TreeMap<>();
        round.opened().criteria().forEach(c -> counts.put(c.name(), 0L));
        round.evaluationsOf(s.submissionId()).forEach(e -> counts.merge(e.criterion(), 1L, Long::sum));
        return new SubmissionView(s.submissionId(), s.teamId(), s.artifactDigest(), s.modelCardUri(), s.submittedAt(),
                counts);
    }
}

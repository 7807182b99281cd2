package org.ledgerboard.evaluation.round;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ledgerboard.core.event.Criterion;
import org.ledgerboard.service.api.Input;
import org.ledgerboard.service.api.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Body of {@code POST /competitions/{c}/rounds}: everything the round will be judged by. Weights are decimal
 * strings summing to exactly 1; {@code decimals} is the scale of totals (HALF_EVEN); the tie-break order uses
 * {@code criterion:NAME}, {@code earliestSubmission} and must end with {@code teamId}, so every tie is broken.
 */
public record OpenRoundRequest(@Schema(pattern = Input.ID_PATTERN) String roundId, Integer number, String submissionDeadline,
                               List<CriterionRequest> criteria, Integer decimals, Integer eliminate,
                               List<String> tieBreak) {

    /** One criterion as sent: name, weight and maximum score as decimal strings. */
    public record CriterionRequest(String name, String weight, String maxScore) {
    }

    public OpenRoundRequest {
        if (roundId != null) {
            Input.id(roundId, "roundId");
        }
        if (Input.required(number, "number") < 1) {
            throw ProblemException.invalid("number", "round numbers start at 1");
        }
        deadline(submissionDeadline);
        criteria = Input.list(criteria, "criteria");
        if (criteria.isEmpty()) {
            throw ProblemException.invalid("criteria", "a round needs at least one criterion");
        }
        if (Input.required(decimals, "decimals") < 0 || decimals > 10) {
            throw ProblemException.invalid("decimals", "decimals must be between 0 and 10");
        }
        if (Input.required(eliminate, "eliminate") < 0) {
            throw ProblemException.invalid("eliminate", "eliminate must be 0 or more");
        }
        checkCriteria(criteria);
        checkTieBreak(Input.list(tieBreak, "tieBreak"), criteria);
    }

    List<Criterion> declaredCriteria() {
        return criteria.stream().map(c -> new Criterion(c.name(), new BigDecimal(c.weight()),
                new BigDecimal(c.maxScore()))).toList();
    }

    Instant deadline() {
        return deadline(submissionDeadline);
    }

    private static Instant deadline(String text) {
        try {
            return OffsetDateTime.parse(Input.required(text, "submissionDeadline")).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("submissionDeadline",
                    "submissionDeadline must be an ISO-8601 instant such as 2026-06-30T15:00:00Z, got " + text);
        }
    }

    private static void checkCriteria(List<CriterionRequest> criteria) {
        Set<String> names = new HashSet<>();
        BigDecimal weights = BigDecimal.ZERO;
        for (int i = 0; i < criteria.size(); i++) {
            CriterionRequest c = criteria.get(i);
            String at = "criteria[" + i + "]";
            if (!names.add(Input.id(c.name(), at + ".name"))) {
                throw ProblemException.invalid(at + ".name", "criterion " + c.name() + " is declared twice");
            }
            weights = weights.add(Input.positiveAmount(c.weight(), at + ".weight"));
            Input.positiveAmount(c.maxScore(), at + ".maxScore");
        }
        if (weights.compareTo(BigDecimal.ONE) != 0) {
            throw ProblemException.invalid("criteria", "criterion weights must sum to exactly 1, they sum to "
                    + weights.toPlainString());
        }
    }

    private static void checkTieBreak(List<String> tieBreak, List<CriterionRequest> criteria) {
        for (String rule : tieBreak) {
            boolean known = rule.equals("earliestSubmission") || rule.equals("teamId")
                    || rule.startsWith("criterion:")
                    && criteria.stream().anyMatch(c -> c.name().equals(rule.substring("criterion:".length())));
            if (!known) {
                throw ProblemException.invalid("tieBreak", "unknown tie-break " + rule
                        + "; use criterion:NAME (a declared criterion), earliestSubmission or teamId");
            }
        }
        if (tieBreak.isEmpty() || !tieBreak.get(tieBreak.size() - 1).equals("teamId")) {
            throw ProblemException.invalid("tieBreak", "the tie-break order must end with teamId, so that no tie remains");
        }
    }
}

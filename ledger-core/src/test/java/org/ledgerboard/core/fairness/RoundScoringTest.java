package org.ledgerboard.core.fairness;

import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.Criterion;
import org.ledgerboard.core.event.EvaluationRecorded;
import org.ledgerboard.core.event.RoundOpened;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The declared formula against hand-worked examples. */
class RoundScoringTest {

    private static RoundOpened round(int decimals) {
        return new RoundOpened("c", "r1", 1, Instant.parse("2026-06-30T00:00:00Z"), List.of(
                new Criterion("benchmark", new BigDecimal("0.40"), new BigDecimal("100")),
                new Criterion("expert", new BigDecimal("0.35"), new BigDecimal("100")),
                new Criterion("user", new BigDecimal("0.25"), new BigDecimal("100"))),
                decimals, 1, List.of("teamId"));
    }

    private static EvaluationRecorded scored(String evaluator, String criterion, String score) {
        return new EvaluationRecorded("c", "r1", "s1", evaluator, criterion, new BigDecimal(score));
    }

    @Test
    void meansAreWeightedIntoTheTotal() {
        // benchmark 80, expert (90+85)/2 = 87.5, user 70: 0.40*80 + 0.35*87.5 + 0.25*70 = 32 + 30.625 + 17.5 = 80.125
        var score = RoundScoring.score(round(3), List.of(scored("a", "benchmark", "80"), scored("b", "expert", "90"),
                scored("c", "expert", "85"), scored("d", "user", "70")));

        assertThat(score.criterionMeans()).containsEntry("expert", new BigDecimal("87.500"));
        assertThat(score.total()).isEqualTo(new BigDecimal("80.125"));
    }

    @Test
    void aTotalExactlyAtTheHalfRoundsToEven() {
        // same scores at 2 decimals: 80.125 -> 80.12 (HALF_EVEN keeps the even 2)
        var score = RoundScoring.score(round(2), List.of(scored("a", "benchmark", "80"), scored("b", "expert", "90"),
                scored("c", "expert", "85"), scored("d", "user", "70")));

        assertThat(score.total()).isEqualTo(new BigDecimal("80.12"));
    }

    @Test
    void aMeanExactlyAtTheHalfRoundsToEvenBeforeWeighting() {
        // expert (90+85)/2 = 87.5 at 0 decimals -> 88; 0.40*80 + 0.35*88 + 0.25*70 = 32 + 30.8 + 17.5 = 80.3 -> 80
        var score = RoundScoring.score(round(0), List.of(scored("a", "benchmark", "80"), scored("b", "expert", "90"),
                scored("c", "expert", "85"), scored("d", "user", "70")));

        assertThat(score.criterionMeans()).containsEntry("expert", new BigDecimal("88"));
        assertThat(score.total()).isEqualTo(new BigDecimal("80"));
    }

    @Test
    void aMeanBelowTheHalfRoundsDown() {
        // expert (90+85+85)/3 = 86.666… -> 86.67 at 2 decimals
        var score = RoundScoring.score(round(2), List.of(scored("a", "benchmark", "80"), scored("b", "expert", "90"),
                scored("c", "expert", "85"), scored("e", "expert", "85"), scored("d", "user", "70")));

        assertThat(score.criterionMeans()).containsEntry("expert", new BigDecimal("86.67"));
        // 32 + 0.35*86.67 (30.3345) + 17.5 = 79.8345 -> 79.83
        assertThat(score.total()).isEqualTo(new BigDecimal("79.83"));
    }

    @Test
    void twoTeamsWithTheSameScoresTie() {
        var first = RoundScoring.score(round(2), List.of(scored("a", "benchmark", "70"), scored("b", "expert", "70"),
                scored("d", "user", "70")));
        var second = RoundScoring.score(round(2), List.of(scored("a", "benchmark", "70.00"), scored("b", "expert", "70"),
                scored("d", "user", "70.0")));

        assertThat(first.total()).isEqualTo(second.total()).isEqualTo(new BigDecimal("70.00"));
    }

    @Test
    void aCriterionWithoutEvaluationIsListedAsMissing() {
        assertThat(RoundScoring.missing(round(2), "s1", List.of(scored("a", "benchmark", "80"))))
                .containsExactly(new RoundScoring.Missing("s1", "expert"), new RoundScoring.Missing("s1", "user"));
        assertThatThrownBy(() -> RoundScoring.score(round(2), List.of(scored("a", "benchmark", "80"))))
                .hasMessageContaining("expert");
    }
}

package org.ledgerboard.core.fairness;

import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.Criterion;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.RoundScored;
import org.ledgerboard.core.event.Standing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EliminationRuleTest {
    private static final Instant T0 = Instant.parse("2025-12-29T00:00:00Z");

    private static RoundOpened round(int eliminate, String... tieBreak) {
        return new RoundOpened("c", "r1", 1, T0.plusSeconds(86_400), List.of(
                new Criterion("benchmark", new BigDecimal("0.5"), new BigDecimal("100")),
                new Criterion("expert", new BigDecimal("0.5"), new BigDecimal("100"))), 2, eliminate, List.of(tieBreak));
    }

    private static RoundScored scored(String team, String total, String benchmark) {
        return new RoundScored("c", "r1", team, Map.of("benchmark", new BigDecimal(benchmark),
                "expert", new BigDecimal("0")), new BigDecimal(total));
    }

    private static List<String> order(EliminationRule.Decision d) {
        return d.standings().stream().map(Standing::teamId).toList();
    }

    private static List<String> eliminated(EliminationRule.Decision d) {
        return d.eliminated().stream().map(Standing::teamId).toList();
    }

    @Test
    void theLowestTotalIsEliminated() {
        var d = EliminationRule.decide(round(1, "teamId"), List.of("a", "b", "c"),
                List.of(scored("a", "70", "0"), scored("b", "90", "0"), scored("c", "80", "0")), Map.of(), 1);

        assertThat(order(d)).containsExactly("b", "c", "a");
        assertThat(d.standings()).extracting(Standing::rank).containsExactly(1, 2, 3);
        assertThat(eliminated(d)).containsExactly("a");
        assertThat(d.concludes()).isFalse();
    }

    @Test
    void aTieAtTheCutIsBrokenByTheDeclaredCriterionFirst() {
        var d = EliminationRule.decide(round(1, "criterion:benchmark", "teamId"), List.of("a", "b", "c"),
                List.of(scored("a", "70", "60"), scored("b", "70", "65"), scored("c", "90", "0")), Map.of(), 1);

        assertThat(order(d)).containsExactly("c", "b", "a");
        assertThat(eliminated(d)).containsExactly("a");
    }

    @Test
    void thenTheEarlierSubmissionWins() {
        var d = EliminationRule.decide(round(1, "criterion:benchmark", "earliestSubmission", "teamId"),
                List.of("a", "b", "c"), List.of(scored("a", "70", "60"), scored("b", "70", "60"), scored("c", "90", "0")),
                Map.of("a", T0, "b", T0.plusSeconds(1), "c", T0), 1);

        assertThat(eliminated(d)).containsExactly("b");
    }

    @Test
    void whenAllAreEqualTheTeamIdDecides() {
        var d = EliminationRule.decide(round(1, "earliestSubmission", "teamId"), List.of("c", "a", "b"),
                List.of(scored("c", "70", "0"), scored("a", "70", "0"), scored("b", "70", "0")),
                Map.of("a", T0, "b", T0, "c", T0), 1);

        assertThat(order(d)).containsExactly("a", "b", "c");
        assertThat(eliminated(d)).containsExactly("c");
    }

    @Test
    void anActiveTeamWithoutSubmissionRanksLastAndSaysSo() {
        var d = EliminationRule.decide(round(1, "teamId"), List.of("a", "b", "idle"),
                List.of(scored("a", "10", "0"), scored("b", "20", "0")), Map.of(), 1);

        assertThat(order(d)).containsExactly("b", "a", "idle");
        assertThat(d.standings().get(2)).isEqualTo(new Standing("idle", null, 3, false));
        assertThat(eliminated(d)).containsExactly("idle");
    }

    @Test
    void aWithdrawnTeamIsNeitherRankedNorEliminated() {
        var d = EliminationRule.decide(round(1, "teamId"), List.of("a", "b", "c"),
                List.of(scored("a", "10", "0"), scored("b", "20", "0"), scored("c", "30", "0"), scored("gone", "1", "0")),
                Map.of(), 1);

        assertThat(order(d)).containsExactly("c", "b", "a");
        assertThat(eliminated(d)).containsExactly("a");
    }

    @Test
    void neverFewerThanTheFinalistCountRemainAndTheCompetitionConcludes() {
        var d = EliminationRule.decide(round(2, "teamId"), List.of("a", "b", "c"),
                List.of(scored("a", "10", "0"), scored("b", "20", "0"), scored("c", "30", "0")), Map.of(), 2);

        assertThat(eliminated(d)).containsExactly("a");
        assertThat(d.finalists()).containsExactly("c", "b");
    }

    @Test
    void reachingTheFinalistCountConcludesTheCompetition() {
        var d = EliminationRule.decide(round(1, "teamId"), List.of("a", "b"),
                List.of(scored("a", "10", "0"), scored("b", "20", "0")), Map.of(), 1);

        assertThat(eliminated(d)).containsExactly("a");
        assertThat(d.finalists()).containsExactly("b");
    }

    @Test
    void whenOnlyTheFinalistsAreLeftNobodyIsEliminated() {
        var d = EliminationRule.decide(round(1, "teamId"), List.of("a", "b"),
                List.of(scored("a", "10", "0"), scored("b", "20", "0")), Map.of(), 2);

        assertThat(eliminated(d)).isEmpty();
        assertThat(d.finalists()).containsExactly("b", "a");
    }
}

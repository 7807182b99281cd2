package org.ledgerboard.ranking.decision;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.CompetitionConcluded;
import org.ledgerboard.core.event.Criterion;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.RoundScored;
import org.ledgerboard.core.event.Standing;
import org.ledgerboard.core.event.StandingsPublished;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.core.fairness.EliminationRule;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

class CompetitionRankingTest {
    private static final String C = "sovereign-ai-2025";

    private AggregateTestFixture<CompetitionRanking> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CompetitionRanking.class);
    }

    private static RoundOpened rules(String roundId, int number) {
        return new RoundOpened(C, roundId, number, Instant.parse("2026-01-01T00:00:00Z"),
                List.of(new Criterion("benchmark", BigDecimal.ONE, new BigDecimal("100"))), 2, 1, List.of("teamId"));
    }

    private static RoundScored scored(String roundId, String team, String total) {
        return new RoundScored(C, roundId, team, Map.of("benchmark", new BigDecimal(total)), new BigDecimal(total));
    }

    private static DecideRound decide(String roundId, int number, List<String> active, RoundScored... scores) {
        return new DecideRound(C, roundId, "closed-" + roundId, rules(roundId, number), active, List.of(scores),
                Map.of(), 1);
    }

    private static String rule(int number, String roundId) {
        return EliminationRule.decide(rules(roundId, number), List.of(), List.of(), Map.of(), 1).rule();
    }

    @Test
    void aClosedRoundPublishesStandingsThenTheElimination() {
        fixture.givenNoPriorActivity()
                .when(decide("r1", 1, List.of("a", "b", "c"), scored("r1", "a", "70"), scored("r1", "b", "90"),
                        scored("r1", "c", "80")))
                .expectEvents(
                        new StandingsPublished(C, "r1", List.of(new Standing("b", new BigDecimal("90"), 1, true),
                                new Standing("c", new BigDecimal("80"), 2, true),
                                new Standing("a", new BigDecimal("70"), 3, true))),
                        new TeamEliminated(C, "r1", "a", 3, new BigDecimal("70"), rule(1, "r1")));
    }

    @Test
    void aSecondDeliveryOfTheSameRoundDecidesNothing() {
        fixture.given(new StandingsPublished(C, "r1", List.of()))
                .when(decide("r1", 1, List.of("a", "b"), scored("r1", "a", "70"), scored("r1", "b", "90")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aTeamThisServiceEliminatedIsNotRankedAgain() {
        fixture.given(new StandingsPublished(C, "r1", List.of()),
                        new TeamEliminated(C, "r1", "a", 3, new BigDecimal("70"), "rule"))
                .when(decide("r2", 2, List.of("a", "b", "c"), scored("r2", "b", "60"), scored("r2", "c", "50")))
                .expectEvents(
                        new StandingsPublished(C, "r2", List.of(new Standing("b", new BigDecimal("60"), 1, true),
                                new Standing("c", new BigDecimal("50"), 2, true))),
                        new TeamEliminated(C, "r2", "c", 2, new BigDecimal("50"), rule(2, "r2")),
                        new CompetitionConcluded(C, List.of("b")));
    }

    @Test
    void aConcludedCompetitionDecidesNothingMore() {
        fixture.given(new StandingsPublished(C, "r1", List.of()), new CompetitionConcluded(C, List.of("b")))
                .when(decide("r2", 2, List.of("b"), scored("r2", "b", "60")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}

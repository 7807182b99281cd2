package org.ledgerboard.core.fairness;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.ledgerboard.core.canonical.LedgerJson;
import org.ledgerboard.core.event.Criterion;
import org.ledgerboard.core.event.EvaluationRecorded;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.RoundScored;
import org.ledgerboard.core.event.Standing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * F4 and F5 against {@code fairness/vectors.json}: cases computed by hand, not by the code under test, so a bug
 * that the services and the auditor share (they call the same functions) cannot pass unseen.
 */
class FairnessVectorsTest {
    private static final Instant DEADLINE = Instant.parse("2026-06-30T00:00:00Z");

    private static JsonNode vectors(String part) throws IOException {
        try (InputStream in = FairnessVectorsTest.class.getResourceAsStream("/fairness/vectors.json")) {
            return LedgerJson.mapper().readTree(in).get(part);
        }
    }

    private static Stream<JsonNode> each(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static List<String> strings(JsonNode array) {
        return each(array).map(JsonNode::asText).toList();
    }

    @TestFactory
    Stream<DynamicTest> theScoringFormulaGivesTheHandComputedMeansAndTotals() throws IOException {
        return each(vectors("scoring")).map(v -> DynamicTest.dynamicTest(v.get("name").asText(), () -> {
            List<Criterion> criteria = each(v.get("criteria")).map(c -> new Criterion(c.get("name").asText(),
                    new BigDecimal(c.get("weight").asText()), new BigDecimal("100"))).toList();
            RoundOpened round = new RoundOpened("c", "r1", 1, DEADLINE, criteria, v.get("decimals").asInt(), 1,
                    List.of("teamId"));
            List<EvaluationRecorded> evaluations = new ArrayList<>();
            v.get("evaluations").fields().forEachRemaining(criterion -> each(criterion.getValue()).forEach(score ->
                    evaluations.add(new EvaluationRecorded("c", "r1", "s1", "ev-" + evaluations.size(),
                            criterion.getKey(), new BigDecimal(score.asText())))));

            RoundScoring.TeamScore score = RoundScoring.score(round, evaluations);

            Map<String, String> means = new HashMap<>();
            score.criterionMeans().forEach((name, mean) -> means.put(name, mean.toPlainString()));
            Map<String, String> expected = new HashMap<>();
            v.get("means").fields().forEachRemaining(m -> expected.put(m.getKey(), m.getValue().asText()));
            assertThat(means).isEqualTo(expected);
            assertThat(score.total().toPlainString()).isEqualTo(v.get("total").asText());
        }));
    }

    @TestFactory
    Stream<DynamicTest> theEliminationRuleGivesTheHandComputedDecisions() throws IOException {
        return each(vectors("elimination")).map(v -> DynamicTest.dynamicTest(v.get("name").asText(), () -> {
            RoundOpened round = new RoundOpened("c", "r1", 1, DEADLINE,
                    List.of(new Criterion("x", BigDecimal.ONE, new BigDecimal("100"))), 2, v.get("eliminate").asInt(),
                    strings(v.get("tieBreak")));
            List<RoundScored> scores = new ArrayList<>();
            Map<String, Instant> submittedAt = new HashMap<>();
            each(v.get("scores")).forEach(s -> {
                String team = s.get("team").asText();
                scores.add(new RoundScored("c", "r1", team, Map.of("x", new BigDecimal(s.get("x").asText())),
                        new BigDecimal(s.get("total").asText())));
                submittedAt.put(team, Instant.parse(s.get("submittedAt").asText()));
            });

            EliminationRule.Decision decision = EliminationRule.decide(round, strings(v.get("active")), scores,
                    submittedAt, v.get("finalists").asInt());

            assertThat(decision.standings().stream().map(Standing::teamId).toList()).isEqualTo(strings(v.get("standings")));
            assertThat(decision.eliminated().stream().map(Standing::teamId).toList())
                    .isEqualTo(strings(v.get("eliminated")));
            assertThat(decision.finalists()).isEqualTo(strings(v.get("concludedWith")));
        }));
    }
}

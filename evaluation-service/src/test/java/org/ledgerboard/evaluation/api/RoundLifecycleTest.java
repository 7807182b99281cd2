package org.ledgerboard.evaluation.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.RoundClosed;
import org.ledgerboard.core.event.RoundScored;
import org.ledgerboard.core.integrity.ChainVerifier;
import org.ledgerboard.core.integrity.TrustedKeys;
import org.ledgerboard.evaluation.TeamServiceStub;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.LedgerTopic;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.ledgerboard.evaluation.EvaluationApi.evaluate;
import static org.ledgerboard.evaluation.EvaluationApi.post;
import static org.ledgerboard.evaluation.EvaluationApi.round;
import static org.ledgerboard.evaluation.EvaluationApi.submit;
import static org.ledgerboard.evaluation.EvaluationApi.uniqueId;

/** A round from opening to closing over REST, with team-service answered by a real HTTP stub. */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
@QuarkusTestResource(TeamServiceStub.class)
class RoundLifecycleTest {
    private final LedgerTopic ledger = LedgerTopic.shared();

    @Test
    void aRoundIsOpenedEvaluatedClosedAndScoredOnTheLedger() {
        String c = uniqueId("cup");
        TeamServiceStub.competition(c);
        TeamServiceStub.team(c, "upstage", "ACTIVE", "Upstage", List.of("Upstage", "Flitto"));
        TeamServiceStub.team(c, "lg-ai-research", "ACTIVE", "LG AI Research", List.of("LG AI Research"));
        String rounds = "/competitions/" + c + "/rounds";

        post(rounds, round("r1", 1, Instant.now().plusSeconds(3600))).statusCode(201).body("id", equalTo("r1"));
        post(rounds + "/r1/evaluators", Map.of("evaluatorId", "kim", "affiliation", "NIPA",
                "criteria", List.of("benchmark", "expert", "user"))).statusCode(201);
        post(rounds + "/r1/evaluators", Map.of("evaluatorId", "lee", "affiliation", "KAIST",
                "criteria", List.of("expert"))).statusCode(201);
        submit(c, "r1", "upstage").statusCode(201).body("id", equalTo("s-upstage"))
                .body("hash", matchesPattern("[0-9a-f]{64}"));
        submit(c, "r1", "lg-ai-research").statusCode(201);
        for (String[] s : new String[][]{{"s-upstage", "kim", "benchmark", "80"}, {"s-upstage", "kim", "expert", "90"},
                {"s-upstage", "lee", "expert", "85"}, {"s-upstage", "kim", "user", "70"},
                {"s-lg-ai-research", "kim", "benchmark", "82"}, {"s-lg-ai-research", "kim", "expert", "70"},
                {"s-lg-ai-research", "kim", "user", "75"}}) {
            evaluate(c, "r1", s[0], s[1], s[2], s[3]).statusCode(201);
        }

        given().get(rounds + "/r1").then().statusCode(200).body("status", equalTo("OPEN"))
                .body("submissions[0].evaluations.expert", equalTo(2));
        post(rounds + "/r1/close", Map.of()).statusCode(201);

        given().get(rounds + "/r1").then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("scores.find { it.teamId == 'upstage' }.total", equalTo("80.12"))
                .body("scores.find { it.teamId == 'lg-ai-research' }.total", equalTo("76.05"));
        List<LedgerTopic.Entry> entries = await().atMost(Duration.ofSeconds(30)).until(() -> ledger.competition(c),
                es -> es.stream().anyMatch(e -> e.decoded().data() instanceof RoundClosed));
        List<LedgerRecord> records = entries.stream().map(LedgerTopic.Entry::decoded).toList();
        assertThat(records).filteredOn(r -> r.data() instanceof RoundScored).hasSize(2)
                .allSatisfy(r -> assertThat(r.source()).isEqualTo("/evaluation-service"));
        ChainVerifier verifier = new ChainVerifier(TrustedKeys.parse(given().get("/ledger/keys").asString()));
        entries.forEach(e -> verifier.accept(e.offset(), e.value()));
        assertThat(verifier.report().findings()).isEmpty();
    }
}

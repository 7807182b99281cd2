package org.ledgerboard.evaluation.actors;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.evaluation.TeamServiceStub;
import org.ledgerboard.testkit.ActingFilter;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.LedgerTopic;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.ledgerboard.evaluation.EvaluationApi.DIGEST;
import static org.ledgerboard.evaluation.EvaluationApi.postAs;
import static org.ledgerboard.evaluation.EvaluationApi.uniqueId;

/**
 * Every POST of evaluation-service once per kind of actor. team-service (a stub) says the competition is
 * organised by {@value ActingFilter#ORGANISER}, that t1's member is {@code member-t1} and t2's {@code member-t2};
 * the round r1 has evaluator {@code ev-a} assigned to its one criterion.
 */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
@QuarkusTestResource(TeamServiceStub.class)
class RoleMatrixTest {
    private static final String ORGANISER = "organiser:" + ActingFilter.ORGANISER;
    private static final Set<String> COMPETITIONS = new HashSet<>();

    private static String as(String actor) {
        return switch (actor) {
            case "none" -> "none";
            case "organiser-of-this" -> ORGANISER;
            case "organiser-of-another" -> "organiser:org-b";
            case "team-of-this-team" -> "team:member-t1";
            case "team-of-another-team" -> "team:member-t2";
            case "assigned-evaluator" -> "evaluator:ev-a";
            case "unassigned-evaluator" -> "evaluator:ev-b";
            case "auditor" -> "auditor:aud";
            default -> throw new IllegalArgumentException(actor);
        };
    }

    private static void send(String as, String path, Object body) {
        postAs(as, path, body).statusCode(201);
    }

    /** The competition as far as the action needs it: a round for all but opening, a submission and a score to close. */
    private static String setUp(String action) {
        String c = uniqueId("matrix");
        COMPETITIONS.add(c);
        TeamServiceStub.competition(c);
        TeamServiceStub.team(c, "t1", "ACTIVE", "lab t1", List.of("lab t1"));
        TeamServiceStub.team(c, "t2", "ACTIVE", "lab t2", List.of("lab t2"));
        if (action.equals("open")) {
            return c;
        }
        String r = "/competitions/" + c + "/rounds";
        send(ORGANISER, r, round("r1"));
        send(ORGANISER, r + "/r1/evaluators", Map.of("evaluatorId", "ev-a", "affiliation", "panel", "criteria", List.of("x")));
        if (action.equals("evaluate") || action.equals("close")) {
            send("team:member-t1", r + "/r1/submissions", submission("t1"));
        }
        if (action.equals("close")) {
            send("evaluator:ev-a", r + "/r1/evaluations", evaluation());
        }
        return c;
    }

    private static Map<String, Object> round(String roundId) {
        return Map.of("roundId", roundId, "number", 1, "submissionDeadline", Instant.now().plusSeconds(3600).toString(),
                "criteria", List.of(Map.of("name", "x", "weight", "1", "maxScore", "10")), "decimals", 2,
                "eliminate", 1, "tieBreak", List.of("teamId"));
    }

    private static Map<String, Object> submission(String teamId) {
        return Map.of("submissionId", "s-" + teamId, "teamId", teamId, "artifactDigest", DIGEST,
                "modelCardUri", "https://example.org/" + teamId);
    }

    private static Map<String, Object> evaluation() {
        return Map.of("submissionId", "s-t1", "evaluatorId", "ev-a", "criterion", "x", "score", "7");
    }

    @ParameterizedTest(name = "{0} by {1}: {2}")
    @CsvSource({
            "open, none, 401", "open, organiser-of-this, 201", "open, organiser-of-another, 403",
            "open, team-of-this-team, 403", "open, team-of-another-team, 403",
            "open, assigned-evaluator, 403", "open, unassigned-evaluator, 403", "open, auditor, 403",
            "assign, none, 401", "assign, organiser-of-this, 201", "assign, organiser-of-another, 403",
            "assign, team-of-this-team, 403", "assign, team-of-another-team, 403",
            "assign, assigned-evaluator, 403", "assign, unassigned-evaluator, 403", "assign, auditor, 403",
            "submit, none, 401", "submit, organiser-of-this, 403", "submit, organiser-of-another, 403",
            "submit, team-of-this-team, 201", "submit, team-of-another-team, 403",
            "submit, assigned-evaluator, 403", "submit, unassigned-evaluator, 403", "submit, auditor, 403",
            "evaluate, none, 401", "evaluate, organiser-of-this, 403", "evaluate, organiser-of-another, 403",
            "evaluate, team-of-this-team, 403", "evaluate, team-of-another-team, 403",
            "evaluate, assigned-evaluator, 201", "evaluate, unassigned-evaluator, 403", "evaluate, auditor, 403",
            "close, none, 401", "close, organiser-of-this, 201", "close, organiser-of-another, 403",
            "close, team-of-this-team, 403", "close, team-of-another-team, 403",
            "close, assigned-evaluator, 403", "close, unassigned-evaluator, 403", "close, auditor, 403",
            "rotate-key, none, 401", "rotate-key, organiser-of-this, 201", "rotate-key, organiser-of-another, 403",
            "rotate-key, team-of-this-team, 403", "rotate-key, team-of-another-team, 403",
            "rotate-key, assigned-evaluator, 403", "rotate-key, unassigned-evaluator, 403", "rotate-key, auditor, 403",
    })
    void everyWriteAnswersAsTheMatrixSays(String action, String actor, int status) {
        String c = setUp(action);
        String r = "/competitions/" + c + "/rounds";
        String path = switch (action) {
            case "open" -> r;
            case "assign" -> r + "/r1/evaluators";
            case "submit" -> r + "/r1/submissions";
            case "evaluate" -> r + "/r1/evaluations";
            case "rotate-key" -> r + "/r1/evaluators/ev-a/key-rotations";
            default -> r + "/r1/close";
        };
        Object body = switch (action) {
            case "open" -> round("r1");
            case "assign" -> Map.of("evaluatorId", "ev-c", "affiliation", "panel", "criteria", List.of("x"));
            case "submit" -> submission("t1");
            case "evaluate" -> evaluation();
            case "rotate-key" -> Map.of("publicKey", Map.of("kty", "OKP", "crv", "Ed25519",
                    "x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"), "reason", "matrix");
            default -> Map.of();
        };

        var answer = postAs(as(actor), path, body).statusCode(status);
        if (status != 201) {
            answer.contentType(startsWith("application/problem+json"));
        }
    }

    @Test
    void anUnassignedEvaluatorRecordingAsItselfIsNotEntitled() {
        String c = setUp("evaluate");

        given().contentType(ContentType.JSON).header(ActingFilter.AS, "evaluator:ev-b")
                .body(Map.of("submissionId", "s-t1", "evaluatorId", "ev-b", "criterion", "x", "score", "7"))
                .when().post("/competitions/" + c + "/rounds/r1/evaluations").then().statusCode(403)
                .body("rule", equalTo("evaluator-assigned"));
    }

    /** Only the entitled reached the ledger: the organiser, t1's member and the assigned evaluator. */
    @AfterAll
    static void nothingUnentitledIsOnTheLedger() {
        Set<String> entitled = Set.of(ORGANISER, "team:member-t1", "evaluator:ev-a");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<LedgerRecord> records = LedgerTopic.shared().acts(COMPETITIONS);
            assertThat(records).isNotEmpty();
            assertThat(records).allSatisfy(r -> assertThat(entitled).contains(r.actor().attribute()));
        });
    }
}

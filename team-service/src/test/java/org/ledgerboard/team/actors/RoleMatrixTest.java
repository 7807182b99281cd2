package org.ledgerboard.team.actors;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.testkit.ActingFilter;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.LedgerTopic;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.ledgerboard.team.TeamApi.uniqueId;

/**
 * Every POST of team-service once per kind of actor, against a competition organised by {@code org-a} with teams
 * t1 (member m1) and t2 (member m2) and a grant g1 to t1. Refusals are problem+json; nothing a refused actor sent
 * reaches the ledger.
 */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class RoleMatrixTest {
    private static final Set<String> COMPETITIONS = new HashSet<>();

    private static String as(String actor) {
        return switch (actor) {
            case "none" -> "none";
            case "organiser-of-this" -> "organiser:org-a";
            case "organiser-of-another" -> "organiser:org-b";
            case "team-of-this-team" -> "team:m1";
            case "team-of-another-team" -> "team:m2";
            case "assigned-evaluator" -> "evaluator:ev-a";
            case "unassigned-evaluator" -> "evaluator:ev-b";
            case "auditor" -> "auditor:aud";
            default -> throw new IllegalArgumentException(actor);
        };
    }

    private static void setUp(String c) {
        COMPETITIONS.add(c);
        send("organiser:org-a", "/competitions", Map.of("competitionId", c, "name", "matrix", "organiser", "o",
                "budget", Map.of("GPU_HOURS", "1000"), "finalists", 1, "signatures", "optional"), 201);
        for (String t : List.of("t1", "t2")) {
            send("organiser:org-a", "/competitions/" + c + "/teams", Map.of("teamId", t, "name", t,
                    "leadOrganisation", t, "consortium", List.of(t), "members", List.of(t.equals("t1") ? "m1" : "m2")), 201);
        }
        send("organiser:org-a", "/competitions/" + c + "/grants", Map.of("grantId", "g1", "teamId", "t1",
                "resource", "GPU_HOURS", "amount", "100", "round", 1), 201);
    }

    private static void send(String as, String path, Object body, int status) {
        given().contentType(ContentType.JSON).header(ActingFilter.AS, as)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .when().post(path).then().statusCode(status);
    }

    @ParameterizedTest(name = "{0} by {1}: {2}")
    @CsvSource({
            "launch, none, 401", "launch, organiser-of-this, 201", "launch, organiser-of-another, 201",
            "launch, team-of-this-team, 403", "launch, team-of-another-team, 403",
            "launch, assigned-evaluator, 403", "launch, unassigned-evaluator, 403", "launch, auditor, 403",
            "appoint, none, 401", "appoint, organiser-of-this, 201", "appoint, organiser-of-another, 403",
            "appoint, team-of-this-team, 403", "appoint, team-of-another-team, 403",
            "appoint, assigned-evaluator, 403", "appoint, unassigned-evaluator, 403", "appoint, auditor, 403",
            "select, none, 401", "select, organiser-of-this, 201", "select, organiser-of-another, 403",
            "select, team-of-this-team, 403", "select, team-of-another-team, 403",
            "select, assigned-evaluator, 403", "select, unassigned-evaluator, 403", "select, auditor, 403",
            "withdraw, none, 401", "withdraw, organiser-of-this, 201", "withdraw, organiser-of-another, 403",
            "withdraw, team-of-this-team, 403", "withdraw, team-of-another-team, 403",
            "withdraw, assigned-evaluator, 403", "withdraw, unassigned-evaluator, 403", "withdraw, auditor, 403",
            "grant, none, 401", "grant, organiser-of-this, 201", "grant, organiser-of-another, 403",
            "grant, team-of-this-team, 403", "grant, team-of-another-team, 403",
            "grant, assigned-evaluator, 403", "grant, unassigned-evaluator, 403", "grant, auditor, 403",
            "disburse, none, 401", "disburse, organiser-of-this, 201", "disburse, organiser-of-another, 403",
            "disburse, team-of-this-team, 403", "disburse, team-of-another-team, 403",
            "disburse, assigned-evaluator, 403", "disburse, unassigned-evaluator, 403", "disburse, auditor, 403",
            "rotate-key, none, 401", "rotate-key, organiser-of-this, 201", "rotate-key, organiser-of-another, 403",
            "rotate-key, team-of-this-team, 403", "rotate-key, team-of-another-team, 403",
            "rotate-key, assigned-evaluator, 403", "rotate-key, unassigned-evaluator, 403", "rotate-key, auditor, 403",
    })
    void everyWriteAnswersAsTheMatrixSays(String action, String actor, int status) {
        String c = uniqueId("matrix");
        String path;
        Object body;
        if (action.equals("launch")) {
            COMPETITIONS.add(c);
            path = "/competitions";
            body = Map.of("competitionId", c, "name", "n", "organiser", "o", "budget", Map.of("KRW", "1"), "finalists", 1);
        } else {
            setUp(c);
            switch (action) {
                case "appoint" -> {
                    path = "/competitions/" + c + "/organisers";
                    body = Map.of("subject", "org-z");
                }
                case "select" -> {
                    path = "/competitions/" + c + "/teams";
                    body = Map.of("teamId", "t3", "name", "t3", "leadOrganisation", "t3", "consortium", List.of("t3"));
                }
                case "withdraw" -> {
                    path = "/competitions/" + c + "/teams/t1/withdrawal";
                    body = Map.of("reason", "matrix");
                }
                case "rotate-key" -> {
                    path = "/competitions/" + c + "/teams/t1/key-rotations";
                    body = Map.of("publicKey", Map.of("kty", "OKP", "crv", "Ed25519",
                            "x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"), "reason", "matrix");
                }
                case "grant" -> {
                    path = "/competitions/" + c + "/grants";
                    body = Map.of("grantId", "g2", "teamId", "t1", "resource", "GPU_HOURS", "amount", "1", "round", 1);
                }
                default -> {
                    path = "/competitions/" + c + "/grants/g1/disbursements";
                    body = Map.of("amount", "1");
                }
            }
        }

        var answer = given().contentType(ContentType.JSON).header(ActingFilter.AS, as(actor))
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body).when().post(path).then()
                .statusCode(status);
        if (status != 201) {
            answer.contentType(startsWith("application/problem+json"));
        }
        if (status == 401) {
            answer.header("WWW-Authenticate", startsWith("Bearer"));
        }
    }

    /** Only the entitled reached the ledger: org-a's acts, and org-b's launch of a competition of its own. */
    @AfterAll
    static void nothingUnentitledIsOnTheLedger() {
        Set<String> entitled = Set.of("organiser:org-a", "organiser:org-b");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<LedgerRecord> records = LedgerTopic.shared().acts(COMPETITIONS);
            assertThat(records).isNotEmpty();
            assertThat(records).allSatisfy(r -> assertThat(entitled).contains(r.actor().attribute()));
            assertThat(records).filteredOn(r -> r.actor().subject().equals("org-b")).hasSize(1);
        });
    }
}

package org.ledgerboard.evaluation;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.ledgerboard.testkit.ActingFilter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The calls tests make to evaluation-service's public API. */
public final class EvaluationApi {
    public static final String DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private EvaluationApi() {
    }

    public static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).when().post(path).then();
    }

    /** A post made as the actor {@code as} ({@code role:id}, see {@link ActingFilter#AS}). */
    public static ValidatableResponse postAs(String as, String path, Object body) {
        return given().contentType(ContentType.JSON).header(ActingFilter.AS, as)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body).when().post(path).then();
    }

    /** The founding case's round 1 criteria: benchmark 0.40, expert 0.35, user 0.25, out of 100, 2 decimals. */
    public static Map<String, Object> round(String roundId, int number, Instant deadline) {
        return Map.of("roundId", roundId, "number", number, "submissionDeadline", deadline.toString(),
                "criteria", List.of(
                        Map.of("name", "benchmark", "weight", "0.40", "maxScore", "100"),
                        Map.of("name", "expert", "weight", "0.35", "maxScore", "100"),
                        Map.of("name", "user", "weight", "0.25", "maxScore", "100")),
                "decimals", 2, "eliminate", 1, "tieBreak", List.of("criterion:benchmark", "earliestSubmission", "teamId"));
    }

    public static ValidatableResponse submit(String c, String r, String teamId) {
        return post("/competitions/" + c + "/rounds/" + r + "/submissions", Map.of("submissionId", "s-" + teamId,
                "teamId", teamId, "artifactDigest", DIGEST, "modelCardUri", "https://example.org/" + teamId));
    }

    public static ValidatableResponse evaluate(String c, String r, String submissionId, String evaluator,
                                               String criterion, String score) {
        return post("/competitions/" + c + "/rounds/" + r + "/evaluations", Map.of("submissionId", submissionId,
                "evaluatorId", evaluator, "criterion", criterion, "score", score));
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

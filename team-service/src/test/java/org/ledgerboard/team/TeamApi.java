package org.ledgerboard.team;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The calls tests make to team-service's public API, with the founding case's names. */
public final class TeamApi {
    private TeamApi() {
    }

    public static ValidatableResponse post(String path, Object body) {
        return post(path, body, UUID.randomUUID().toString());
    }

    public static ValidatableResponse post(String path, Object body, String idempotencyKey) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(body).when().post(path).then();
    }

    public static ValidatableResponse launch(String competitionId) {
        return post("/competitions", Map.of("competitionId", competitionId, "name", "독자 AI 파운데이션 모델",
                "organiser", "과학기술정보통신부", "budget", Map.of("KRW", "100000000000", "GPU_HOURS", "1000"),
                "finalists", 2)).statusCode(201);
    }

    public static ValidatableResponse select(String competitionId, String teamId) {
        return post("/competitions/" + competitionId + "/teams", Map.of("teamId", teamId, "name", teamId,
                "leadOrganisation", teamId, "consortium", List.of(teamId + " Lab"))).statusCode(201);
    }

    public static ValidatableResponse grant(String competitionId, String grantId, String teamId, String amount) {
        return post("/competitions/" + competitionId + "/grants", Map.of("grantId", grantId, "teamId", teamId,
                "resource", "GPU_HOURS", "amount", amount, "round", 1)).statusCode(201);
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

package org.ledgerboard.team.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.ledgerboard.testkit.LedgerInfraResource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.ledgerboard.team.TeamApi.grant;
import static org.ledgerboard.team.TeamApi.launch;
import static org.ledgerboard.team.TeamApi.post;
import static org.ledgerboard.team.TeamApi.select;
import static org.ledgerboard.team.TeamApi.uniqueId;

@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class CompetitionApiTest {

    @Test
    void launchingAnswersWithTheIdEventIdAndHash() {
        String c = uniqueId("cup");

        launch(c).contentType(ContentType.JSON)
                .header("Location", org.hamcrest.Matchers.endsWith("/competitions/" + c))
                .body("id", equalTo(c))
                .body("eventId", notNullValue())
                .body("hash", matchesPattern("[0-9a-f]{64}"));
    }

    @Test
    void anOmittedIdIsDerivedFromTheRequestSoThatARetryNamesTheSameCompetition() {
        post("/competitions", Map.of("name", "n", "organiser", "o", "budget", Map.of("KRW", "1"), "finalists", 1))
                .statusCode(201).body("id", matchesPattern("[0-9a-f]{32}"));
    }

    @Test
    void theCompetitionShowsItsBudgetTotalsAndTeams() {
        String c = uniqueId("cup");
        launch(c);
        select(c, "upstage");
        grant(c, "g1", "upstage", "600.50");
        post("/competitions/" + c + "/grants/g1/disbursements", Map.of("amount", "100")).statusCode(201);

        given().get("/competitions/" + c).then().statusCode(200)
                .body("name", equalTo("독자 AI 파운데이션 모델"))
                .body("budget.GPU_HOURS.budget", equalTo("1000"))
                .body("budget.GPU_HOURS.granted", equalTo("600.50"))
                .body("budget.GPU_HOURS.disbursed", equalTo("100"))
                .body("budget.GPU_HOURS.revoked", equalTo("0"))
                .body("budget.GPU_HOURS.available", equalTo("399.50"))
                .body("teams[0].teamId", equalTo("upstage"));
    }

    @Test
    void aTeamShowsItsStatusAndGrants() {
        String c = uniqueId("cup");
        launch(c);
        post("/competitions/" + c + "/teams", Map.of("teamId", "lg-ai-research", "name", "LG AI연구원",
                "leadOrganisation", "LG AI Research", "consortium", List.of("LG AI Research", "Seoul National University")))
                .statusCode(201).body("id", equalTo("lg-ai-research"));
        grant(c, "g-lg", "lg-ai-research", "10");

        given().get("/competitions/" + c + "/teams/lg-ai-research").then().statusCode(200)
                .body("name", equalTo("LG AI연구원"))
                .body("status", equalTo("ACTIVE"))
                .body("consortium", hasItem("Seoul National University"))
                .body("grants[0].remaining", equalTo("10"));
    }

    @Test
    void aWithdrawnTeamIsShownAsWithdrawn() {
        String c = uniqueId("cup");
        launch(c);
        select(c, "nc-ai");

        post("/competitions/" + c + "/teams/nc-ai/withdrawal", Map.of("reason", "reorganisation")).statusCode(201);

        given().get("/competitions/" + c + "/teams/nc-ai").then().body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void competitionsAreListedNewestFirst() {
        String older = uniqueId("older");
        String newer = uniqueId("newer");
        launch(older);
        launch(newer);

        List<String> ids = given().get("/competitions").then().statusCode(200).extract().jsonPath().getList("competitionId");

        org.assertj.core.api.Assertions.assertThat(ids).containsSubsequence(newer, older);
    }

    @Test
    void theServiceServesItsPublicKeyAsAJwkSet() {
        given().get("/ledger/keys").then().statusCode(200)
                .body("keys[0].kty", equalTo("OKP"))
                .body("keys[0].crv", equalTo("Ed25519"))
                .body("keys[0].source", equalTo("/team-service"));
    }
}

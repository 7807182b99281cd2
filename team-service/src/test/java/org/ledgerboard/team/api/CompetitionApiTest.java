package org.ledgerboard.team.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.canonical.LedgerJson;
import org.ledgerboard.core.event.TeamKeyRotated;
import org.ledgerboard.core.integrity.Dsse;
import org.ledgerboard.core.integrity.SigningKey;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.LedgerTopic;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
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
                .body("budget.GPU_HOURS.uncommitted", equalTo("399.50"))
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
    void anOrganiserRotatesThenRevokesATeamsKeyAndTheTeamShowsTheKeyBoundNow() throws Exception {
        String c = uniqueId("cup");
        launch(c);
        Map<?, ?> first = jwk(SigningKey.generate());
        Map<?, ?> second = jwk(SigningKey.generate());
        post("/competitions/" + c + "/teams", Map.of("teamId", "upstage", "name", "업스테이지",
                "leadOrganisation", "Upstage", "consortium", List.of("Upstage"), "publicKey", first)).statusCode(201);
        String rotations = "/competitions/" + c + "/teams/upstage/key-rotations";

        post(rotations, Map.of("publicKey", second, "reason", "scheduled rotation")).statusCode(201);
        given().get("/competitions/" + c + "/teams/upstage").then().body("publicKey.x", equalTo(second.get("x")));
        post(rotations, Map.of("reason", "key lost")).statusCode(201);
        given().get("/competitions/" + c + "/teams/upstage").then().body("publicKey", nullValue());
        post(rotations, Map.of("reason", "lost again")).statusCode(409).body("rule", equalTo("key-changes"));
        post(rotations, Map.of("publicKey", second)).statusCode(400).body("field", equalTo("reason"));

        List<TeamKeyRotated> recorded = await().atMost(Duration.ofSeconds(10)).until(() -> LedgerTopic.shared()
                .competition(c).stream().map(e -> e.decoded().data()).filter(TeamKeyRotated.class::isInstance)
                .map(TeamKeyRotated.class::cast).toList(), r -> r.size() == 2);
        org.assertj.core.api.Assertions.assertThat(recorded).extracting(TeamKeyRotated::reason)
                .containsExactly("scheduled rotation", "key lost");
    }

    private static Map<?, ?> jwk(SigningKey key) {
        return LedgerJson.mapper().convertValue(Dsse.jwkOf(key.verifyingKey()), Map.class);
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

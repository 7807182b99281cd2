package org.ledgerboard.team.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerboard.testkit.LedgerInfraResource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.ledgerboard.team.TeamApi.grant;
import static org.ledgerboard.team.TeamApi.launch;
import static org.ledgerboard.team.TeamApi.post;
import static org.ledgerboard.team.TeamApi.select;
import static org.ledgerboard.team.TeamApi.uniqueId;

/** Every refusal is problem+json naming the field or rule, and leaves the competition's events untouched. */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class InvalidInputTest {
    @Inject
    EventStore events;

    private String c;
    private long eventsBefore;

    @BeforeEach
    void aCompetitionWithOneTeamAndOneGrant() {
        c = uniqueId("refusals");
        launch(c);
        select(c, "upstage");
        grant(c, "g1", "upstage", "100");
        eventsBefore = storedEvents();
    }

    private long storedEvents() {
        return events.readEvents(c).asStream().count();
    }

    private void refused(ValidatableResponse response, int status) {
        response.statusCode(status).contentType(startsWith("application/problem+json")).body("status", equalTo(status));
        assertThat(storedEvents()).as("events recorded despite the refusal").isEqualTo(eventsBefore);
    }

    private void invalid(ValidatableResponse response, String field) {
        refused(response.body("field", equalTo(field)), 400);
    }

    private void broken(ValidatableResponse response, String rule) {
        refused(response.body("rule", equalTo(rule)), 409);
    }

    private String teams() {
        return "/competitions/" + c + "/teams";
    }

    private String grants() {
        return "/competitions/" + c + "/grants";
    }

    @Test
    void aMissingFieldIsA400NamingIt() {
        invalid(post(teams(), Map.of("teamId", "x", "leadOrganisation", "x", "consortium", List.of())), "name");
    }

    @Test
    void aNegativeAmountIsA400() {
        invalid(post(grants(), Map.of("teamId", "upstage", "resource", "GPU_HOURS", "amount", "-5", "round", 1)), "amount");
    }

    @Test
    void aNonNumericAmountIsA400() {
        invalid(post(grants(), Map.of("teamId", "upstage", "resource", "GPU_HOURS", "amount", "lots", "round", 1)), "amount");
    }

    @Test
    void anAmountAsAJsonNumberIsA400() {
        invalid(post(grants(), Map.of("teamId", "upstage", "resource", "GPU_HOURS", "amount", 5, "round", 1)), "amount");
    }

    @Test
    void anUnknownResourceIsA400() {
        invalid(post(grants(), Map.of("teamId", "upstage", "resource", "DATA_TB", "amount", "5", "round", 1)), "resource");
    }

    @Test
    void anIdWithBadCharactersIsA400() {
        invalid(post(teams(), Map.of("teamId", "up stage/1", "name", "x", "leadOrganisation", "x",
                "consortium", List.of())), "teamId");
    }

    @Test
    void anUnknownFieldIsA400() {
        invalid(post(teams(), Map.of("teamId", "t", "name", "x", "leadOrganisation", "x", "consortium", List.of(),
                "budget", "1")), "budget");
    }

    @Test
    void malformedJsonIsA400() {
        refused(given().contentType(ContentType.JSON).body("{\"teamId\": ").post(teams()).then()
                .body("detail", containsString("JSON")), 400);
    }

    @Test
    void aFieldGivenTwiceIsA400NotWhicheverCameLast() {
        refused(given().contentType(ContentType.JSON).body("{\"amount\":\"1\",\"amount\":\"100\"}")
                .post(grants() + "/g1/disbursements").then().body("detail", containsString("amount")), 400);
    }

    @Test
    void aBodyOverSixtyFourKibIsA413ProblemAndRecordsNothing() {
        String name = "a".repeat(70 * 1024);
        refused(given().contentType(ContentType.JSON).body("{\"teamId\":\"big\",\"name\":\"" + name
                + "\",\"leadOrganisation\":\"x\",\"consortium\":[]}").post(teams()).then()
                .body("detail", containsString("65536")), 413);
    }

    @Test
    void theOpenApiDocumentStatesTheLimits() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("^[A-Za-z0-9._~-]{1,64}$"))
                .body(containsString("at most 64 KiB"));
    }

    @Test
    void aDuplicateTeamIsA409NamingTheRule() {
        broken(post(teams(), Map.of("teamId", "upstage", "name", "x", "leadOrganisation", "x", "consortium", List.of())),
                "team-id-unique");
    }

    @Test
    void overspendingTheBudgetIsA409() {
        broken(post(grants(), Map.of("teamId", "upstage", "resource", "GPU_HOURS", "amount", "900.01", "round", 1)),
                "budget-per-resource");
    }

    @Test
    void disbursingMoreThanTheGrantHasLeftIsA409() {
        broken(post(grants() + "/g1/disbursements", Map.of("amount", "100.01")), "disbursement-within-grant");
    }

    @Test
    void aGrantToAnUnknownTeamIsA409() {
        broken(post(grants(), Map.of("teamId", "nobody", "resource", "GPU_HOURS", "amount", "1", "round", 1)),
                "grant-to-active-team");
    }

    @Test
    void threeFinalistsIsA409() {
        post("/competitions", Map.of("competitionId", c + "-3", "name", "n", "organiser", "o",
                "budget", Map.of("KRW", "1"), "finalists", 3))
                .statusCode(409).contentType(startsWith("application/problem+json"))
                .body("rule", equalTo("finalists-one-or-two"));
        assertThat(events.readEvents(c + "-3").asStream().count()).isZero();
    }

    @Test
    void launchingAnExistingIdIsA409() {
        refused(post("/competitions", Map.of("competitionId", c, "name", "n", "organiser", "o",
                "budget", Map.of("KRW", "1"), "finalists", 1)), 409);
    }

    @Test
    void anUnknownCompetitionIsA404() {
        given().get("/competitions/no-such-cup").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        post("/competitions/no-such-cup/teams", Map.of("teamId", "t", "name", "x", "leadOrganisation", "x",
                "consortium", List.of())).statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void anUnknownTeamOrGrantIsA404() {
        refused(given().get(teams() + "/nobody").then(), 404);
        refused(post(grants() + "/no-grant/disbursements", Map.of("amount", "1")), 404);
    }
}

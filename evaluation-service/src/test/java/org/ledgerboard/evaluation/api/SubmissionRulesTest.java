package org.ledgerboard.evaluation.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerboard.evaluation.TeamServiceStub;
import org.ledgerboard.evaluation.round.CompetitionEvaluation;
import org.ledgerboard.testkit.LedgerInfraResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.ledgerboard.evaluation.EvaluationApi.DIGEST;
import static org.ledgerboard.evaluation.EvaluationApi.evaluate;
import static org.ledgerboard.evaluation.EvaluationApi.post;
import static org.ledgerboard.evaluation.EvaluationApi.round;
import static org.ledgerboard.evaluation.EvaluationApi.submit;
import static org.ledgerboard.evaluation.EvaluationApi.uniqueId;

/** Who may submit and evaluate, as team-service reports it; every refusal records nothing. */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
@QuarkusTestResource(TeamServiceStub.class)
class SubmissionRulesTest {
    @Inject
    EventStore events;

    private String c;
    private long eventsBefore;

    @BeforeEach
    void anOpenRoundWithAnEvaluator() {
        c = uniqueId("rules");
        TeamServiceStub.competition(c);
        TeamServiceStub.team(c, "upstage", "ACTIVE", "Upstage", List.of("Upstage", "NIPA Lab"));
        // a test before may have left the circuit to team-service open (503, nothing recorded): retry as a client would
        await().atMost(Duration.ofSeconds(10)).until(() -> post("/competitions/" + c + "/rounds",
                round("r1", 1, Instant.now().plusSeconds(3600))).extract().statusCode() == 201);
        post("/competitions/" + c + "/rounds/r1/evaluators", Map.of("evaluatorId", "kim", "affiliation", "NIPA Lab",
                "criteria", List.of("expert"))).statusCode(201);
        eventsBefore = storedEvents();
    }

    private long storedEvents() {
        return events.readEvents(CompetitionEvaluation.idOf(c)).asStream().count();
    }

    private void refused(ValidatableResponse response, int status) {
        response.statusCode(status).contentType(startsWith("application/problem+json"));
        assertThat(storedEvents()).as("events recorded despite the refusal").isEqualTo(eventsBefore);
    }

    @Test
    void anActiveTeamSubmitsAndGetsAReceipt() {
        submit(c, "r1", "upstage").statusCode(201)
                .body("id", equalTo("s-upstage")).body("eventId", notNullValue()).body("hash", notNullValue());
    }

    @Test
    void anEliminatedTeamCannotSubmit() {
        TeamServiceStub.team(c, "nc-ai", "ELIMINATED", "NC AI", List.of("NC AI"));
        refused(submit(c, "r1", "nc-ai").body("rule", equalTo("team-must-be-active")), 409);
    }

    @Test
    void aTeamUnknownToTeamServiceCannotSubmit() {
        TeamServiceStub.unknownTeam(c, "ghost");
        refused(submit(c, "r1", "ghost").body("type", equalTo("/problems/not-found")), 404);
    }

    @Test
    void whenTeamServiceCannotBeReachedTheAnswerIs503WithARetryHint() {
        TeamServiceStub.unreachable(c, "sk-telecom");
        refused(submit(c, "r1", "sk-telecom").header("Retry-After", notNullValue())
                .body("detail", containsString("nothing was recorded")), 503);
    }

    @Test
    void aSubmissionAfterTheDeadlineIsA409() {
        post("/competitions/" + c + "/rounds/r1/close", Map.of()).statusCode(201);
        String late = "/competitions/" + c + "/rounds";
        post(late, round("r2", 2, Instant.now().minusSeconds(1))).statusCode(201);
        eventsBefore = storedEvents();
        refused(submit(c, "r2", "upstage").body("rule", equalTo("before-deadline")), 409);
    }

    @Test
    void aDigestThatIsNotLowercaseHexSha256IsA400() {
        refused(post("/competitions/" + c + "/rounds/r1/submissions", Map.of("teamId", "upstage",
                "artifactDigest", DIGEST.toUpperCase(), "modelCardUri", "https://example.org"))
                .body("field", equalTo("artifactDigest")), 400);
    }

    @Test
    void weightsThatDoNotSumToOneAreA400() {
        Map<String, Object> body = new java.util.HashMap<>(round("r9", 9, Instant.now().plusSeconds(60)));
        body.put("criteria", List.of(Map.of("name", "benchmark", "weight", "0.5", "maxScore", "100"),
                Map.of("name", "user", "weight", "0.49", "maxScore", "100")));
        body.put("tieBreak", List.of("teamId"));
        refused(post("/competitions/" + c + "/rounds", body).body("field", equalTo("criteria")), 400);
    }

    @Test
    void aRoundForACompetitionTeamServiceDoesNotKnowIsA404() {
        post("/competitions/" + c + "-unknown/rounds", round("r1", 1, Instant.now().plusSeconds(60))).statusCode(404);
    }

    @Test
    void anEvaluatorFromTheTeamsConsortiumIsRefusedForConflictOfInterest() {
        submit(c, "r1", "upstage").statusCode(201);
        eventsBefore = storedEvents();
        refused(evaluate(c, "r1", "s-upstage", "kim", "expert", "90").body("rule", equalTo("conflict-of-interest")), 409);
    }

    @Test
    void anEvaluationOfATeamTeamServiceNoLongerKnowsIsRefusedNotCheckedAgainstNoOne() {
        submit(c, "r1", "upstage").statusCode(201);
        eventsBefore = storedEvents();
        TeamServiceStub.unknownTeam(c, "upstage");
        refused(evaluate(c, "r1", "s-upstage", "kim", "expert", "90")
                .body("rule", equalTo("conflict-of-interest-checkable")), 409);
    }

    @Test
    void anEvaluationWhileTeamServiceCannotBeReachedIs503() {
        submit(c, "r1", "upstage").statusCode(201);
        eventsBefore = storedEvents();
        TeamServiceStub.unreachable(c, "upstage");
        refused(evaluate(c, "r1", "s-upstage", "kim", "expert", "90").header("Retry-After", notNullValue()), 503);
    }

    @Test
    void anEvaluationOfAnUnknownSubmissionIsA404() {
        refused(evaluate(c, "r1", "s-nobody", "kim", "expert", "90"), 404);
    }

    @Test
    void closingWithAMissingScoreIsA409ListingWhatIsMissing() {
        submit(c, "r1", "upstage").statusCode(201);
        eventsBefore = storedEvents();
        refused(post("/competitions/" + c + "/rounds/r1/close", Map.of())
                .body("rule", equalTo("every-criterion-scored"))
                .body("detail", containsString("s-upstage (team upstage) on benchmark")), 409);
    }

    @Test
    void anUnknownRoundIsA404() {
        given().get("/competitions/" + c + "/rounds/nope").then().statusCode(404);
    }
}

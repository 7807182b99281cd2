package org.ledgerboard.team.api;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.ledgerboard.service.ServiceConfig;
import org.ledgerboard.testkit.ActingFilter;
import org.ledgerboard.testkit.LedgerInfraResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.ledgerboard.team.TeamApi.launch;
import static org.ledgerboard.team.TeamApi.post;
import static org.ledgerboard.team.TeamApi.uniqueId;

/** Retries with the same Idempotency-Key get the first answer and record nothing more, however the first ended. */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class IdempotencyTest {
    @Inject
    EventStore events;
    @Inject
    MongoClient mongo;
    @Inject
    ServiceConfig config;

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerAndRecordsNothingMore() {
        String c = uniqueId("retry");
        launch(c);
        Map<String, Object> team = Map.of("name", "업스테이지", "leadOrganisation", "Upstage", "consortium", List.of());

        String first = post("/competitions/" + c + "/teams", team, "key-1").statusCode(201).extract().asString();
        String again = post("/competitions/" + c + "/teams", team, "key-1").statusCode(201)
                .header("Idempotent-Replayed", "true").extract().asString();

        assertThat(again).isEqualTo(first);
        assertThat(events.readEvents(c).asStream().count()).isEqualTo(2);
    }

    @Test
    void aRetriedRefusalGetsTheSameRefusal() {
        String c = uniqueId("retry");
        launch(c);
        Map<String, Object> grant = Map.of("teamId", "nobody", "resource", "KRW", "amount", "1", "round", 1);

        String first = post("/competitions/" + c + "/grants", grant, "key-2").statusCode(409).extract().asString();
        String again = post("/competitions/" + c + "/grants", grant, "key-2").statusCode(409).extract().asString();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void theSameKeyForADifferentRequestIsA409() {
        String c = uniqueId("retry");
        launch(c);
        post("/competitions/" + c + "/teams", team("a"), "key-3").statusCode(201);

        post("/competitions/" + c + "/teams", team("b"), "key-3").statusCode(409)
                .body("rule", equalTo("idempotency-key-reused"));
        assertThat(events.readEvents(c).asStream().count()).isEqualTo(2);
    }

    @Test
    void aRetryWhoseAnswerWasNeverKeptGetsTheFirstReceiptFromWhatWasRecorded() {
        String c = uniqueId("retry");
        launch(c);
        Map<String, Object> team = Map.of("teamId", "upstage", "name", "업스테이지", "leadOrganisation", "Upstage",
                "consortium", List.of());
        String first = post("/competitions/" + c + "/teams", team, "key-4").statusCode(201).extract().asString();
        forget("POST /competitions/" + c + "/teams", "key-4"); // as after a crash before the answer was kept

        String again = post("/competitions/" + c + "/teams", team, "key-4").statusCode(201)
                .header("Idempotent-Replayed", "true").extract().asString();

        assertThat(again).isEqualTo(first);
        assertThat(events.readEvents(c).asStream().count()).isEqualTo(2);
    }

    @Test
    void aKeyReusedForOtherInputIsRefusedByWhatWasRecordedEvenWithoutTheKeptAnswer() {
        String c = uniqueId("retry");
        launch(c);
        post("/competitions/" + c + "/teams", team("a"), "key-8").statusCode(201);
        forget("POST /competitions/" + c + "/teams", "key-8");

        post("/competitions/" + c + "/teams", team("b"), "key-8").statusCode(409)
                .body("rule", equalTo("idempotency-key-reused"));
        assertThat(events.readEvents(c).asStream().count()).isEqualTo(2);
    }

    @Test
    void anOmittedDisbursementIdIsDerivedFromTheKeySoARetryPaysOnce() {
        String c = uniqueId("retry");
        launch(c);
        post("/competitions/" + c + "/teams", Map.of("teamId", "t", "name", "t", "leadOrganisation", "t",
                "consortium", List.of()), "key-5").statusCode(201);
        post("/competitions/" + c + "/grants", Map.of("grantId", "g", "teamId", "t", "resource", "KRW", "amount", "10",
                "round", 1), "key-6").statusCode(201);
        String first = post("/competitions/" + c + "/grants/g/disbursements", Map.of("amount", "4"), "key-7")
                .statusCode(201).extract().path("id");
        forget("POST /competitions/" + c + "/grants/g/disbursements", "key-7");

        String again = post("/competitions/" + c + "/grants/g/disbursements", Map.of("amount", "4"), "key-7")
                .statusCode(201).extract().path("id");

        assertThat(again).isEqualTo(first);
        assertThat(events.readEvents(c).asStream().count()).isEqualTo(4);
    }

    private static Map<String, Object> team(String id) {
        return Map.of("teamId", id, "name", id, "leadOrganisation", id, "consortium", List.of());
    }

    /**
     * Deletes the organiser's idempotency record of an endpoint (keys are scoped per endpoint and subject), once it
     * is written: a success's answer is kept in the background.
     */
    private void forget(String endpoint, String key) {
        String scope = endpoint + " by " + ActingFilter.ORGANISER;
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.getDatabase(config.mongo().database())
                .getCollection("idempotency").deleteOne(Filters.eq("_id", scope + "\n" + key)).getDeletedCount() == 1);
    }
}

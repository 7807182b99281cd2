package org.ledgerboard.team.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.ledgerboard.testkit.LedgerInfraResource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.ledgerboard.team.TeamApi.launch;
import static org.ledgerboard.team.TeamApi.post;
import static org.ledgerboard.team.TeamApi.uniqueId;

@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class IdempotencyTest {
    @Inject
    EventStore events;

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
        post("/competitions/" + c + "/teams", Map.of("teamId", "a", "name", "a", "leadOrganisation", "a",
                "consortium", List.of()), "key-3").statusCode(201);

        post("/competitions/" + c + "/teams", Map.of("teamId", "b", "name", "b", "leadOrganisation", "b",
                "consortium", List.of()), "key-3").statusCode(409).body("rule", equalTo("idempotency-key-reused"));
        assertThat(events.readEvents(c).asStream().count()).isEqualTo(2);
    }
}

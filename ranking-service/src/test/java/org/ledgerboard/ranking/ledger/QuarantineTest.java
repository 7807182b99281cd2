package org.ledgerboard.ranking.ledger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.service.ServiceConfig;
import org.ledgerboard.service.ledger.LedgerSubscription;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.LedgerTopic;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** A reaction that keeps failing is retried with back-off, seen by readiness, then quarantined; the stream goes on. */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class QuarantineTest {
    @Inject
    LedgerSubscription subscription;
    @Inject
    MongoClient mongo;
    @Inject
    ServiceConfig config;

    private final LedgerTopic ledger = LedgerTopic.shared();

    private void launch(String competitionId) {
        ledger.publish(EventCodec.stamp(new LedgerRecord(UUID.randomUUID().toString(), "/team-service", null,
                Instant.parse("2026-01-01T00:00:00Z"), competitionId, 0,
                new CompetitionLaunched(competitionId, "n", "o", Map.of("KRW", BigDecimal.ONE), 1), null)));
    }

    @Test
    void aRecordWhoseReactionKeepsFailingIsQuarantinedWithItsReasonAndTheStreamGoesOn() {
        String poison = "poison-" + UUID.randomUUID().toString().substring(0, 8);
        String after = "after-" + poison;
        launch(poison);
        launch(after);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> subscription.problem() != null && subscription.problem().contains("failed"));
        given().get("/q/health/ready").then().statusCode(503).body(containsString("ledger reactions"));

        Document quarantined = await().atMost(Duration.ofSeconds(30)).until(() -> mongo
                .getDatabase(config.mongo().database()).getCollection("quarantine")
                .find(Filters.regex("record", poison)).first(), d -> d != null);
        assertThat(quarantined.getString("reason")).contains("this reaction cannot handle " + poison);
        await().atMost(Duration.ofSeconds(30)).until(() -> PoisonReaction.SEEN.contains(after));
        // the problem is cleared once the quarantine is written, a moment after the next record may have been seen
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(subscription.problem()).isNull());
    }
}

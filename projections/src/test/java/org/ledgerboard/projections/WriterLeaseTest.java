package org.ledgerboard.projections;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.projections.ledger.Projections;
import org.ledgerboard.service.ServiceConfig;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.LedgerTopic;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Of several projections instances, the one holding the lease writes views and checkpoints; another folds the same
 * records (and announces them) without writing, and writes what is new once the lease is its.
 */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class WriterLeaseTest {
    @Inject
    Projections projections;

    @Inject
    MongoClient mongo;

    @Inject
    ServiceConfig config;

    private final String c = "lease-" + UUID.randomUUID().toString().substring(0, 8);
    private final Set<String> announced = ConcurrentHashMap.newKeySet();

    private MongoCollection<Document> leases() {
        return mongo.getDatabase(config.mongo().database()).getCollection("publisher_lease");
    }

    @AfterEach
    void leaseFree() {
        leases().deleteOne(Filters.eq("holder", "projections-2"));
    }

    @Test
    void whileAnotherInstanceHoldsTheLeaseThisOneFoldsButWritesNothingAndWritesOnceItHoldsIt() {
        leases().replaceOne(Filters.eq("_id", config.source()), new Document("_id", config.source())
                .append("holder", "projections-2").append("until", new Date(System.currentTimeMillis() + 60_000)),
                new ReplaceOptions().upsert(true));
        await().atMost(Duration.ofSeconds(10)).until(() -> !projections.writes());
        projections.listen(new Projections.Listener() {
            @Override
            public void accept(Projections.Update update) {
                announced.add(update.competitionId());
            }

            @Override
            public boolean closed() {
                return false;
            }
        });

        LedgerTopic.shared().publish(EventCodec.stamp(new LedgerRecord(UUID.randomUUID().toString(), "/team-service",
                null, Instant.now(), c, 0, new CompetitionLaunched(c, "lease", "o",
                Map.of("KRW", BigDecimal.TEN), 1, null), null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> announced.contains(c)); // folded, and announced

        assertThat(given().get("/competitions/" + c + "/checkpoints/latest").statusCode()).isEqualTo(404);
        leases().deleteOne(Filters.eq("holder", "projections-2")); // the holder is gone
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().get("/competitions/" + c + "/checkpoints/latest").statusCode() == 200);
        assertThat(projections.writes()).isTrue();
    }
}

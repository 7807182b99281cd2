package org.ledgerboard.projections;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.testkit.LedgerTopic;
import org.ledgerboard.testkit.StoreLink;
import org.ledgerboard.testkit.StoreLinkResource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The fold never stops or stalls silently: with its store away it says so in readiness, and resumes after. */
@QuarkusTest
@TestProfile(FoldStallTest.StoreBehindALink.class)
class FoldStallTest {
    /** Only this class's store goes away: it reaches the shared store through a link of its own. */
    public static class StoreBehindALink implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoreLinkResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    StoreLink store;

    private final LedgerTopic ledger = LedgerTopic.shared();
    private final String c = "stall-" + UUID.randomUUID().toString().substring(0, 8);
    private long sequence;

    @AfterEach
    void storeBack() {
        store.restore();
    }

    private void publish(LedgerEvent event) {
        ledger.publish(EventCodec.stamp(new LedgerRecord(UUID.randomUUID().toString(), "/team-service", null,
                Instant.parse("2026-01-01T00:00:00Z"), c, sequence++, event, null)));
    }

    private static JsonPath readiness() {
        return given().get("/q/health/ready").then().extract().jsonPath();
    }

    private static Map<String, Object> theFold(JsonPath readiness) {
        return readiness.getMap("checks.find { it.name == 'views caught up with the ledger' }");
    }

    private JsonPath awaitCheckpoint(long treeSize) {
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> given().get("/competitions/" + c + "/checkpoints/latest").then().extract().jsonPath(),
                j -> j.get("treeSize") != null && j.getLong("treeSize") == treeSize);
    }

    @Test
    void withItsStoreAwayTheFoldIsNotReadyAndSaysWhyThenCatchesUp() {
        publish(new CompetitionLaunched(c, "독자 AI", "과기정통부", Map.of("GPU_HOURS", new BigDecimal("1000")), 2));
        awaitCheckpoint(1);
        assertThat(readiness().getString("status")).isEqualTo("UP");

        store.cut();
        publish(new TeamSelected(c, "upstage", "업스테이지", "Upstage", List.of("Upstage"), List.of("member-upstage")));

        await().atMost(Duration.ofSeconds(30)).until(() -> theFold(readiness()),
                fold -> "DOWN".equals(fold.get("status"))
                        && String.valueOf(fold.get("data")).contains("cannot checkpoint " + c));
        assertThat(readiness().getString("status")).isEqualTo("DOWN");

        store.restore();
        awaitCheckpoint(2);
        await().atMost(Duration.ofSeconds(60)).until(() -> "UP".equals(readiness().getString("status")));
    }
}

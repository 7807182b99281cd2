package org.ledgerboard.projections;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.canonical.Canonical;
import org.ledgerboard.core.canonical.Hashes;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.FundingGranted;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.integrity.Checkpoint;
import org.ledgerboard.core.integrity.TrustedKeys;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.LedgerTopic;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** What the public dashboard reads: the competitions, their records as on the ledger, their signed checkpoints. */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class DashboardApiTest {
    private final LedgerTopic ledger = LedgerTopic.shared();
    private final List<LedgerRecord> published = new ArrayList<>();
    private String c;

    private void publish(String competitionId, Instant time, LedgerEvent event) {
        LedgerRecord record = EventCodec.stamp(new LedgerRecord(UUID.randomUUID().toString(), "/team-service", null,
                time, competitionId, published.size(), event, null));
        ledger.publish(record);
        published.add(record);
    }

    @BeforeEach
    void aCompetitionOnTheLedger() {
        c = "dash-" + UUID.randomUUID().toString().substring(0, 8);
        Instant launched = Instant.parse("2026-03-01T00:00:00Z");
        publish(c, launched, new CompetitionLaunched(c, "독자 AI", "과기정통부", Map.of("GPU_HOURS", new BigDecimal("1000")), 2));
        publish(c, launched, new TeamSelected(c, "upstage", "업스테이지", "Upstage", List.of("Upstage"), List.of("member-upstage")));
        publish(c, launched, new FundingGranted(c, "g1", "upstage", "GPU_HOURS", new BigDecimal("400"), 1));
    }

    private JsonPath awaitCheckpoint(String competitionId, long treeSize) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/competitions/" + competitionId + "/checkpoints/latest").then().extract().jsonPath(),
                j -> j.get("treeSize") != null && j.getLong("treeSize") == treeSize);
    }

    @Test
    void recordsAreServedInTreeOrderExactlyAsTheLedgerHoldsThem() {
        awaitCheckpoint(c, 3);

        JsonPath page = given().queryParam("from", 1).queryParam("limit", 5).get("/competitions/" + c + "/records")
                .then().statusCode(200).extract().jsonPath();

        assertThat(page.getLong("treeSize")).isEqualTo(3);
        assertThat(page.getList("records.leafIndex", Long.class)).containsExactly(1L, 2L);
        assertThat(page.getList("records.record.id", String.class))
                .containsExactly(published.get(1).id(), published.get(2).id());
        Map<String, Object> record = new LinkedHashMap<>(page.getMap("records[0].record"));
        String hash = (String) record.remove("hash");
        assertThat(hash).isEqualTo(published.get(1).hash())
                .isEqualTo(Hashes.hex(Hashes.sha256(Canonical.bytes(record)))); // what the browser recomputes
        String raw = given().queryParam("from", 1).queryParam("limit", 1).get("/competitions/" + c + "/records").asString();
        assertThat(raw).contains(new String(EventCodec.encode(published.get(1)), StandardCharsets.UTF_8));
    }

    @Test
    void aPageBeyondTheTreeIsEmpty() {
        awaitCheckpoint(c, 3);

        given().queryParam("from", 3).get("/competitions/" + c + "/records")
                .then().statusCode(200).body("records.size()", equalTo(0)).body("treeSize", equalTo(3));
    }

    @Test
    void badNumbersAreRefusedNamingTheField() {
        awaitCheckpoint(c, 3);

        given().queryParam("from", -1).get("/competitions/" + c + "/records").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("from"));
        given().queryParam("limit", 0).get("/competitions/" + c + "/records").then().statusCode(400)
                .body("field", equalTo("limit"));
        given().queryParam("limit", 1001).get("/competitions/" + c + "/records").then().statusCode(400)
                .body("field", equalTo("limit"));
        given().queryParam("limit", 0).get("/competitions/" + c + "/checkpoints").then().statusCode(400)
                .body("field", equalTo("limit"));
        given().queryParam("limit", "ten").get("/competitions/" + c + "/records").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("limit"));
        given().queryParam("from", "99999999999999999999").get("/competitions/" + c + "/records").then().statusCode(400)
                .body("field", equalTo("from"));
        given().queryParam("first", "a").queryParam("second", 2).get("/competitions/" + c + "/proofs/consistency")
                .then().statusCode(400).body("field", equalTo("first"));
        given().queryParam("eventId", "x").queryParam("treeSize", -1).get("/competitions/" + c + "/proofs/inclusion")
                .then().statusCode(400).body("field", equalTo("treeSize"));
    }

    @Test
    void anUnknownCompetitionHasNoRecords() {
        given().get("/competitions/never-launched/records").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void competitionsAreListedTheLatestLaunchedFirstWithTheirNames() {
        String later = c + "-later";
        publish(later, Instant.parse("2026-04-01T00:00:00Z"),
                new CompetitionLaunched(later, "두 번째", "과기정통부", Map.of("KRW", new BigDecimal("5")), 1));
        awaitCheckpoint(later, 1);
        awaitCheckpoint(c, 3);

        List<Map<String, Object>> listed = given().get("/competitions").then().statusCode(200).extract().jsonPath()
                .getList("$");
        List<String> ids = listed.stream().map(l -> (String) l.get("competitionId")).toList();

        assertThat(ids).containsSubsequence(later, c);
        JsonPath mine = JsonPath.from(given().get("/competitions").asString());
        String at = "find { it.competitionId == '" + c + "' }";
        assertThat(mine.getString(at + ".launch.name")).isEqualTo("독자 AI");
        assertThat(mine.getString(at + ".launch.organiser")).isEqualTo("과기정통부");
        assertThat(mine.getString(at + ".launch.time")).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(mine.getLong(at + ".checkpoint.treeSize")).isEqualTo(3);
    }

    @Test
    void checkpointsAreListedTheLatestFirstEachSigned() {
        awaitCheckpoint(c, 3);
        publish(c, Instant.parse("2026-03-02T00:00:00Z"),
                new TeamSelected(c, "naver-cloud", "네이버클라우드", "Naver Cloud", List.of("Naver Cloud"), List.of("member-naver")));
        awaitCheckpoint(c, 4);

        List<Checkpoint> listed = List.of(given().get("/competitions/" + c + "/checkpoints").then().statusCode(200)
                .extract().as(Checkpoint[].class));

        assertThat(listed).extracting(Checkpoint::treeSize).startsWith(4L, 3L).isSortedAccordingTo(Comparator.reverseOrder());
        TrustedKeys keys = TrustedKeys.parse(given().get("/ledger/keys").asString());
        assertThat(listed).allMatch(checkpoint -> checkpoint.signedBy(keys, "/projections"));
    }

    @Test
    void theDashboardsPagesAreServedAndMayLoadNothingFromAnotherHost() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Competitions")).header("Content-Security-Policy", containsString("default-src 'self'"));
        given().get("/c/" + c).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/dashboard/competition.js"))
                .header("Content-Security-Policy", containsString("default-src 'self'"));
        given().get("/dashboard/proofs.js").then().statusCode(200).body(containsString("inclusionHolds"));
    }
}

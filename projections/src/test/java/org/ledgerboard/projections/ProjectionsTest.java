package org.ledgerboard.projections;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.canonical.Hashes;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.FundingGranted;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.Standing;
import org.ledgerboard.core.event.StandingsPublished;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.integrity.Checkpoint;
import org.ledgerboard.core.integrity.TrustedKeys;
import org.ledgerboard.core.merkle.MerkleProofs;
import org.ledgerboard.core.view.ViewsFold;
import org.ledgerboard.service.ServiceConfig;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.LedgerTopic;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Records on ledger.events become views, signed checkpoints, proofs and live updates. */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class ProjectionsTest {
    @io.quarkus.test.common.http.TestHTTPResource
    URL base;

    @Inject
    MongoClient mongo;

    @Inject
    ServiceConfig config;

    private final LedgerTopic ledger = LedgerTopic.shared();
    private final List<LedgerRecord> published = new ArrayList<>();
    private String c;

    private void publish(LedgerEvent event) {
        LedgerRecord record = EventCodec.stamp(new LedgerRecord(UUID.randomUUID().toString(), "/team-service", null,
                Instant.parse("2026-01-01T00:00:00Z"), c, published.size(), event, null));
        ledger.publish(record);
        published.add(record);
    }

    @BeforeEach
    void aCompetitionOnTheLedger() {
        c = "proj-" + UUID.randomUUID().toString().substring(0, 8);
        publish(new CompetitionLaunched(c, "독자 AI", "과기정통부", Map.of("GPU_HOURS", new BigDecimal("1000")), 2));
        publish(new TeamSelected(c, "upstage", "업스테이지", "Upstage", List.of("Upstage"), List.of("member-upstage")));
        publish(new FundingGranted(c, "g1", "upstage", "GPU_HOURS", new BigDecimal("400"), 1));
        publish(new StandingsPublished(c, "r1", List.of(new Standing("upstage", new BigDecimal("80.12"), 1, true))));
    }

    private JsonPath awaitCheckpoint(long treeSize) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/competitions/" + c + "/checkpoints/latest").then().extract().jsonPath(),
                j -> j.get("treeSize") != null && j.getLong("treeSize") == treeSize);
    }

    @Test
    void theViewsShowWhatTheLedgerSaysWithThePositionTheyReflect() {
        awaitCheckpoint(4);

        JsonPath funding = given().get("/competitions/" + c + "/funding").then().statusCode(200).extract().jsonPath();
        assertThat(funding.getString("funding.totals.GPU_HOURS.granted")).isEqualTo("400");
        assertThat(funding.getLong("treeSize")).isEqualTo(4);
        assertThat(given().get("/competitions/" + c + "/standings").then().statusCode(200).extract().jsonPath()
                .getString("standings.current[0].teamId")).isEqualTo("upstage");
    }

    @Test
    void theCheckpointIsSignedAndItsDigestIsTheOneAnyoneRecomputes() {
        JsonPath checkpoint = awaitCheckpoint(4);

        ViewsFold fold = new ViewsFold();
        published.forEach(r -> fold.apply(r.data()));
        assertThat(checkpoint.getString("viewsDigest")).isEqualTo(fold.viewsDigest(c));
        TrustedKeys keys = TrustedKeys.parse(given().get("/ledger/keys").asString());
        byte[] statement = Checkpoint.statement(c, 4, checkpoint.getString("rootHash"), checkpoint.getString("viewsDigest"));
        assertThat(keys.find("/projections", checkpoint.getString("keyId")).orElseThrow()
                .verify(statement, Base64.getDecoder().decode(checkpoint.getString("signature")))).isTrue();
    }

    @Test
    void aReceiptIsProvenIncludedInTheCheckpointOffline() {
        JsonPath checkpoint = awaitCheckpoint(4);
        LedgerRecord receipt = published.get(1);

        JsonPath proof = given().queryParam("eventId", receipt.id()).queryParam("treeSize", 4)
                .get("/competitions/" + c + "/proofs/inclusion").then().statusCode(200).extract().jsonPath();

        byte[] leaf = org.ledgerboard.core.merkle.TreeHashes.leaf(Hashes.fromHex(receipt.hash()));
        assertThat(MerkleProofs.verifyInclusion(leaf, proof.getLong("leafIndex"), 4,
                proof.getList("path", String.class).stream().map(Hashes::fromHex).toList(),
                Hashes.fromHex(checkpoint.getString("rootHash")))).isTrue();
    }

    @Test
    void twoCheckpointsAreProvenConsistent() {
        JsonPath first = awaitCheckpoint(4);
        publish(new TeamSelected(c, "naver-cloud", "네이버클라우드", "Naver Cloud", List.of("Naver Cloud"), List.of("member-naver-cloud")));
        JsonPath second = awaitCheckpoint(5);

        JsonPath proof = given().queryParam("first", 4).queryParam("second", 5)
                .get("/competitions/" + c + "/proofs/consistency").then().statusCode(200).extract().jsonPath();

        assertThat(MerkleProofs.verifyConsistency(4, 5, Hashes.fromHex(first.getString("rootHash")),
                Hashes.fromHex(second.getString("rootHash")),
                proof.getList("proof", String.class).stream().map(Hashes::fromHex).toList())).isTrue();
    }

    @Test
    void anInvalidRecordIsQuarantinedAndNeverFolded() {
        awaitCheckpoint(4);
        LedgerRecord forged = published.get(1);
        String tampered = new String(EventCodec.encode(forged), StandardCharsets.UTF_8).replace("업스테이지", "가짜");
        ledger.publishRaw(c, tampered.getBytes(StandardCharsets.UTF_8));
        publish(new TeamSelected(c, "lg-ai-research", "LG AI연구원", "LG AI Research", List.of("LG AI Research"), List.of("member-lg-ai-research")));

        awaitCheckpoint(5);
        Document kept = mongo.getDatabase(config.mongo().database()).getCollection("quarantine")
                .find(Filters.eq("competitionId", c)).first();
        assertThat(kept).isNotNull();
        assertThat(kept.getString("problem")).startsWith("hash:");
    }

    @Test
    void aDashboardReconnectingWithLastEventIdGetsWhatItMissed() throws Exception {
        awaitCheckpoint(4);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "competitions/" + c + "/updates"))
                .header("Accept", "text/event-stream").header("Last-Event-ID", "-1").build();

        HttpResponse<java.io.InputStream> stream = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String id = null;
            for (String line = lines.readLine(); line != null && id == null; line = lines.readLine()) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                }
            }
            assertThat(Long.parseLong(id)).isGreaterThanOrEqualTo(0);
        }
    }
}

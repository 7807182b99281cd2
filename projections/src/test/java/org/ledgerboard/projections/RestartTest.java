package org.ledgerboard.projections;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.canonical.Hashes;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.FundingGranted;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.LedgerSealed;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.integrity.Sealer;
import org.ledgerboard.core.integrity.SigningKey;
import org.ledgerboard.core.integrity.TrustedKeys;
import org.ledgerboard.core.merkle.MerkleTree;
import org.ledgerboard.projections.ledger.Projections;
import org.ledgerboard.service.ServiceConfig;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.LedgerTopic;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A restart resumes from the persisted fold state: nothing is read twice, the views and tree go on as before. */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class RestartTest {
    private static final String SOURCE = "/team-service";

    @Inject
    Projections projections;

    @Inject
    MongoClient mongo;

    @Inject
    ServiceConfig config;

    private final LedgerTopic ledger = LedgerTopic.shared();
    private final SigningKey key = SigningKey.generate();
    private final Sealer sealer = new Sealer(SOURCE, key);
    private final List<LedgerRecord> published = new ArrayList<>();
    private final String c = "restart-" + UUID.randomUUID().toString().substring(0, 8);

    private void publish(LedgerEvent event) {
        LedgerRecord record = EventCodec.stamp(new LedgerRecord(UUID.randomUUID().toString(), SOURCE, null,
                Instant.parse("2026-01-01T00:00:00Z"), c, published.size(), event, null));
        if (!(event instanceof LedgerSealed)) {
            sealer.append(record);
        }
        ledger.publish(record);
        published.add(record);
    }

    private JsonPath awaitCheckpoint(long treeSize) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/competitions/" + c + "/checkpoints/latest").then().extract().jsonPath(),
                j -> j.get("treeSize") != null && j.getLong("treeSize") == treeSize);
    }

    private String rootOfEverythingPublished() {
        MerkleTree tree = new MerkleTree();
        published.forEach(r -> tree.appendEntry(Hashes.fromHex(r.hash())));
        return Hashes.hex(tree.rootHash());
    }

    @Test
    void aRestartResumesFromTheStoredStateAndFoldsOnlyWhatIsNew() throws Exception {
        Path trusted = Path.of("target/test-keys/trusted-keys.json");
        Files.createDirectories(trusted.getParent());
        TrustedKeys.of(SOURCE, key.verifyingKey()).write(trusted);
        publish(new CompetitionLaunched(c, "독자 AI", "과기정통부", Map.of("GPU_HOURS", new BigDecimal("1000")), 2));
        publish(new TeamSelected(c, "upstage", "업스테이지", "Upstage", List.of("Upstage"), List.of("member-upstage")));
        publish(sealer.seal(c)); // a leaf only if it verifies with the trusted key
        JsonPath before = awaitCheckpoint(3);
        String views = given().get("/competitions/" + c + "/funding").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> projections.unpersisted() == 0);

        projections.restart();
        await().atMost(Duration.ofSeconds(30)).until(projections::caughtUp);

        assertThat(projections.recordsFolded()).isZero();
        assertThat(given().get("/competitions/" + c + "/funding").asString()).isEqualTo(views);
        assertThat(JsonPath.from(given().get("/competitions").asString())
                .getString("find { it.competitionId == '" + c + "' }.launch.name")).isEqualTo("독자 AI"); // listed, not woken
        assertThat(given().get("/competitions/" + c + "/checkpoints/latest").then().extract().jsonPath()
                .getString("rootHash")).isEqualTo(before.getString("rootHash"));

        publish(new FundingGranted(c, "g1", "upstage", "GPU_HOURS", new BigDecimal("400"), 1));
        JsonPath after = awaitCheckpoint(4);

        assertThat(projections.recordsFolded()).isEqualTo(1);
        assertThat(after.getString("rootHash")).isEqualTo(rootOfEverythingPublished());
        assertThat(given().get("/competitions/" + c + "/funding").then().extract().jsonPath()
                .getString("funding.totals.GPU_HOURS.granted")).isEqualTo("400");
    }

    @Test
    void foldsPersistedBeyondTheLedgersEndAreDiscardedAndTheLedgerFoldedAgain() throws Exception {
        publish(new CompetitionLaunched(c, "독자 AI", "과기정통부", Map.of("GPU_HOURS", new BigDecimal("1000")), 2));
        publish(new FundingGranted(c, "g1", "upstage", "GPU_HOURS", new BigDecimal("400"), 1));
        awaitCheckpoint(2);
        String views = given().get("/competitions/" + c + "/funding").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> projections.unpersisted() == 0);
        // as if the store had outlived its ledger: progress past the end of every partition
        MongoCollection<Document> progress = mongo.getDatabase(config.mongo().database()).getCollection("progress");
        for (int partition = 0; partition < 3; partition++) {
            progress.replaceOne(Filters.eq("_id", partition), new Document("_id", partition).append("next", 1L << 40),
                    new ReplaceOptions().upsert(true));
        }

        projections.restart();
        await().atMost(Duration.ofSeconds(60)).until(projections::caughtUp);

        assertThat(projections.recordsFolded()).isGreaterThanOrEqualTo(published.size());
        assertThat(given().get("/competitions/" + c + "/funding").asString()).isEqualTo(views);
    }
}

package org.ledgerboard.team.ledger;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.LedgerSealed;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.integrity.ChainReport;
import org.ledgerboard.core.integrity.ChainVerifier;
import org.ledgerboard.core.integrity.TrustedKeys;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.LedgerTopic;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ledgerboard.team.TeamApi.launch;
import static org.ledgerboard.team.TeamApi.select;
import static org.ledgerboard.team.TeamApi.uniqueId;

/** REST call → stored event → record on ledger.events whose hash recomputes and whose seal verifies. */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class LedgerPublishingTest {
    private final LedgerTopic ledger = LedgerTopic.shared();

    private static TrustedKeys servedKeys() {
        return TrustedKeys.parse(given().get("/ledger/keys").then().statusCode(200).extract().asString());
    }

    @Test
    void aCommandLandsOnTheLedgerWithTheHashItsReceiptGave() {
        String c = uniqueId("ledger");
        launch(c);
        var receipt = select(c, "sk-telecom").extract().jsonPath();

        LedgerTopic.Entry entry = await().atMost(Duration.ofSeconds(30)).until(
                () -> ledger.competition(c).stream().filter(e -> e.decoded().id().equals(receipt.getString("eventId")))
                        .findFirst().orElse(null), e -> e != null);

        LedgerRecord record = entry.decoded();
        assertThat(entry.key()).isEqualTo(c);
        assertThat(record.hash()).isEqualTo(receipt.getString("hash"));
        assertThat(EventCodec.hashOf(EventCodec.parse(entry.value()))).isEqualTo(record.hash());
        assertThat(record.source()).isEqualTo("/team-service");
        assertThat(record.aggregateId()).isEqualTo(c);
        assertThat(record.sequence()).isEqualTo(1);
        assertThat(record.data()).isEqualTo(new TeamSelected(c, "sk-telecom", "sk-telecom", "sk-telecom",
                List.of("sk-telecom Lab"), List.of("member-sk-telecom")));
    }

    @Test
    void theCompetitionsEventsAreSealedAndTheSealVerifiesWithTheServedKey() {
        String c = uniqueId("sealed");
        launch(c);
        select(c, "naver-cloud");
        select(c, "upstage");

        List<LedgerTopic.Entry> entries = await().atMost(Duration.ofSeconds(30)).until(() -> ledger.competition(c),
                es -> es.stream().anyMatch(e -> e.decoded().data() instanceof LedgerSealed s && s.count() == 3));

        ChainVerifier verifier = new ChainVerifier(servedKeys());
        entries.forEach(e -> verifier.accept(e.offset(), e.value()));
        ChainReport report = verifier.report();
        assertThat(report.findings()).isEmpty();
        assertThat(report.unsealed()).isEmpty();
    }

    @Test
    void onceACommandIsAnsweredThePublisherBacklogIsEmptyAndExported() {
        String c = uniqueId("backlog");
        launch(c);
        select(c, "upstage");

        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("ledgerboard_publisher_backlog 0.0"));
    }
}

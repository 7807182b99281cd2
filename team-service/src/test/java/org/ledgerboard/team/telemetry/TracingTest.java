package org.ledgerboard.team.telemetry;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.FundingRevoked;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.LedgerTopic;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ledgerboard.team.TeamApi.grant;
import static org.ledgerboard.team.TeamApi.launch;
import static org.ledgerboard.team.TeamApi.select;
import static org.ledgerboard.team.TeamApi.uniqueId;

/**
 * A command's trace follows its event through the event store and the publisher onto the ledger, in the Kafka
 * record's headers and never in its bytes; a service reading a record continues the trace of the span that
 * published it, and what its reaction records carries that trace on.
 */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class TracingTest {
    private final LedgerTopic ledger = LedgerTopic.shared();

    @Test
    void aCommandsTraceReachesTheLedgerInTheRecordsHeadersAndNotInItsBytes() {
        String c = uniqueId("trace");
        launch(c);
        String trace = newTraceId();

        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                .body(Map.of("teamId", "lg-ai-research", "name", "LG AI Research", "leadOrganisation", "LG",
                        "consortium", List.of("LG AI Research")))
                .post("/competitions/" + c + "/teams").then().statusCode(201);

        LedgerTopic.Entry selected = await().atMost(Duration.ofSeconds(30)).until(() -> ledger.competition(c).stream()
                .filter(e -> e.decoded().data() instanceof TeamSelected).findFirst(), found -> found.isPresent()).get();
        String traceparent = selected.headers().get("traceparent");
        assertThat(traceparent).startsWith("00-" + trace + "-").endsWith("-01");
        SpanData publish = spanWithId(traceparent.split("-")[2]);
        assertThat(publish.getName()).isEqualTo("publish ledger.events");
        assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
        SpanData request = spanWithId(publish.getParentSpanId());
        assertThat(request.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(request.getParentSpanId()).isEqualTo("00f067aa0ba902b7");

        String bytes = new String(selected.value(), StandardCharsets.UTF_8);
        assertThat(bytes).doesNotContain(trace).doesNotContain("traceparent");
        assertThat(EventCodec.encode(selected.decoded())).isEqualTo(selected.value()); // canonical, its hash holds
    }

    @Test
    void aReactionContinuesTheTraceOfTheRecordItReadsAndCarriesItOnToWhatItRecords() {
        String c = uniqueId("trace");
        launch(c);
        select(c, "nc-ai");
        grant(c, "g-nc", "nc-ai", "300");
        String trace = newTraceId();
        String publishedBy = "b7ad6b7169203331";
        LedgerRecord elimination = EventCodec.stamp(new LedgerRecord("elim-" + c, "/ranking-service", null,
                Instant.parse("2026-01-15T09:00:00Z"), c + "/rounds/r1", 0,
                new TeamEliminated(c, "r1", "nc-ai", 5, new BigDecimal("61.20"), "eliminate the lowest 1"), null));

        ledger.publish(elimination, Map.of("traceparent", "00-" + trace + "-" + publishedBy + "-01"));

        LedgerTopic.Entry revoked = await().atMost(Duration.ofSeconds(30)).until(() -> ledger.competition(c).stream()
                .filter(e -> e.decoded().data() instanceof FundingRevoked).findFirst(), found -> found.isPresent()).get();
        SpanData reaction = await().atMost(Duration.ofSeconds(10)).until(() -> RecordedSpans.SPANS.getFinishedSpanItems()
                .stream().filter(s -> s.getKind() == SpanKind.CONSUMER && s.getTraceId().equals(trace)).findFirst(),
                found -> found.isPresent()).get();
        assertThat(reaction.getName()).isEqualTo("process ledger.events");
        assertThat(reaction.getParentSpanId()).isEqualTo(publishedBy);
        assertThat(revoked.headers().get("traceparent")).startsWith("00-" + trace + "-");
    }

    private static SpanData spanWithId(String spanId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> RecordedSpans.SPANS.getFinishedSpanItems().stream()
                .filter(s -> s.getSpanId().equals(spanId)).findFirst(), found -> found.isPresent()).get();
    }

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}

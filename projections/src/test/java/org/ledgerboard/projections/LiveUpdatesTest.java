package org.ledgerboard.projections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.FundingGranted;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.projections.ledger.Projections;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.LedgerTopic;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live updates are sent per poll of the ledger and neither leak nor skip: dashboards that go away are forgotten, a
 * resumed stream misses nothing, and what an update announces is in the views when it arrives.
 */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class LiveUpdatesTest {
    private static final int TEAMS = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource
    URL base;
    @Inject
    Projections projections;

    private final LedgerTopic ledger = LedgerTopic.shared();
    private String c;
    private long sequence;

    private void publish(LedgerEvent event) {
        ledger.publish(EventCodec.stamp(new LedgerRecord(UUID.randomUUID().toString(), "/team-service", null,
                Instant.parse("2026-01-01T00:00:00Z"), c, sequence++, event, null)));
    }

    @BeforeEach
    void aCompetitionOnTheLedger() {
        c = "live-" + UUID.randomUUID().toString().substring(0, 8);
        publish(new CompetitionLaunched(c, "독자 AI", "과기정통부", Map.of("KRW", new BigDecimal("1000")), 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> projections.since(c, -1).treeSize() == 1);
    }

    /** An open stream of the competition's updates, resuming after {@code lastEventId} when given. */
    private BufferedReader subscribe(Socket socket, Long lastEventId) throws Exception {
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write(("GET /competitions/" + c + "/updates HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: text/event-stream\r\n" + (lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n")
                + "\r\n").getBytes(StandardCharsets.US_ASCII));
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    /** The next update on the stream, with its SSE id as "id". */
    private static JsonNode nextUpdate(BufferedReader in) throws Exception {
        String id = null;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("id:")) {
                id = line.substring(3).trim();
            } else if (line.startsWith("data:")) {
                ObjectNode update = (ObjectNode) JSON.readTree(line.substring(5));
                return update.put("id", Long.parseLong(id));
            }
        }
        throw new AssertionError("the stream ended");
    }

    @Test
    void theDashboardsListeningAreCountedOnTheMetrics() throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            assertThat(subscribe(socket, null).readLine()).startsWith("HTTP/1.1 200");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metric("ledgerboard_projections_sse_clients"))
                    .isGreaterThanOrEqualTo(1));
        }
        assertThat(metric("ledgerboard_projections_checkpoint_age_seconds")).isGreaterThanOrEqualTo(0);
    }

    private static double metric(String name) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{")).findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError(name + " is not on /q/metrics"));
    }

    @Test
    void aThousandDashboardsThatConnectAndLeaveLeaveNoListenerBehind() throws Exception {
        int before = projections.listeners();
        for (int i = 0; i < 1000; i++) {
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET /competitions/" + c + "/updates HTTP/1.1\r\nHost: localhost\r\n"
                        + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                assertThat(in.readLine()).startsWith("HTTP/1.1 200");
            }
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> projections.listeners() <= before);
    }

    @Test
    void aDashboardResumingUnderConcurrentWritesSeesEveryRecordExactlyOnce() throws Exception {
        long after = projections.since(c, -1).position(); // the launch was seen
        CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < TEAMS; i++) {
                publish(new TeamSelected(c, "t" + i, "t" + i, "lab " + i, List.of("lab " + i), List.of("member-t" + i)));
                pause();
            }
        });
        List<JsonNode> updates = new ArrayList<>();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            BufferedReader in = subscribe(socket, after);
            writes.get();
            do {
                updates.add(nextUpdate(in));
            } while (updates.get(updates.size() - 1).get("treeSize").asLong() < TEAMS + 1);
        }

        long expectedFrom = 1; // the launch, at the position resumed after, is not sent again
        long lastId = after;
        for (JsonNode update : updates) {
            assertThat(update.get("fromTreeSize").asLong()).as("continues the previous update").isEqualTo(expectedFrom);
            assertThat(update.get("treeSize").asLong()).isGreaterThan(expectedFrom);
            assertThat(update.get("id").asLong()).isGreaterThan(lastId).isEqualTo(update.get("position").asLong());
            expectedFrom = update.get("treeSize").asLong();
            lastId = update.get("id").asLong();
        }
        assertThat(expectedFrom).isEqualTo(TEAMS + 1);
        assertThat(updates.size()).as("one update per poll, not per checkpoint").isGreaterThan(1);
    }

    @Test
    void aDashboardToldOfAnUpdateReadsItInTheViewsAtOnce() throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            BufferedReader in = subscribe(socket, null);
            assertThat(nextUpdate(in).get("treeSize").asLong()).as("the first message is where the views are").isEqualTo(1);

            publish(new FundingGranted(c, "g1", "upstage", "KRW", new BigDecimal("400"), 1));
            JsonNode update = nextUpdate(in);

            assertThat(update.get("fromTreeSize").asLong()).isEqualTo(1);
            assertThat(update.get("treeSize").asLong()).isEqualTo(2);
            JsonPath funding = given().get("/competitions/" + c + "/funding").then().statusCode(200).extract().jsonPath();
            assertThat(funding.getLong("treeSize")).isEqualTo(2);
            assertThat(funding.getString("funding.totals.KRW.granted")).isEqualTo("400");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50); // spreads the writes over several polls, so some land during the hand-over
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

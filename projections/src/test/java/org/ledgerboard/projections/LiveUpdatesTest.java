package org.ledgerboard.projections;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.projections.ledger.Projections;
import org.ledgerboard.service.ServiceConfig;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Live updates neither leak nor skip: dashboards that go away are forgotten, a resumed stream misses nothing. */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class LiveUpdatesTest {
    private static final int TEAMS = 40;

    @TestHTTPResource
    URL base;
    @Inject
    Projections projections;
    @Inject
    MongoClient mongo;
    @Inject
    ServiceConfig config;

    private final LedgerTopic ledger = LedgerTopic.shared();
    private String c;
    private long sequence;

    private void publish(LedgerEvent event) {
        ledger.publish(EventCodec.stamp(new LedgerRecord(UUID.randomUUID().toString(), "/team-service", null,
                Instant.parse("2026-01-01T00:00:00Z"), c, sequence++, event, null)));
    }

    private List<Long> storedPositions(long after) {
        List<Long> positions = new ArrayList<>();
        for (Document d : mongo.getDatabase(config.mongo().database()).getCollection("checkpoints")
                .find(Filters.and(Filters.eq("competitionId", c), Filters.gt("position", after)))
                .sort(Sorts.ascending("position"))) {
            positions.add(d.get("position", Number.class).longValue());
        }
        return positions;
    }

    @BeforeEach
    void aCompetitionOnTheLedger() {
        c = "live-" + UUID.randomUUID().toString().substring(0, 8);
        publish(new CompetitionLaunched(c, "독자 AI", "과기정통부", Map.of("KRW", new BigDecimal("1")), 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> !storedPositions(-1).isEmpty());
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
    void aDashboardResumingUnderConcurrentWritesSeesEveryUpdateExactlyOnce() throws Exception {
        long after = storedPositions(-1).get(0);
        CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < TEAMS; i++) {
                publish(new TeamSelected(c, "t" + i, "t" + i, "lab " + i, List.of("lab " + i), List.of("member-t" + i)));
                pause();
            }
        });
        List<Long> seen = new ArrayList<>();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET /competitions/" + c + "/updates HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\nLast-Event-ID: " + after + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            writes.get();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("id:")) {
                    long id = Long.parseLong(line.substring(3).trim());
                    seen.add(id);
                    Long end = positionOfTreeSize(TEAMS + 1);
                    if (end != null && id >= end) {
                        break;
                    }
                }
            }
        }

        assertThat(seen).isEqualTo(storedPositions(after)).doesNotHaveDuplicates().isSorted();
    }

    /** The position of the checkpoint covering the competition's first {@code treeSize} events, once signed. */
    private Long positionOfTreeSize(long treeSize) {
        Document checkpoint = mongo.getDatabase(config.mongo().database()).getCollection("checkpoints")
                .find(Filters.and(Filters.eq("competitionId", c), Filters.eq("treeSize", treeSize))).first();
        return checkpoint == null ? null : checkpoint.get("position", Number.class).longValue();
    }

    private static void pause() {
        try {
            Thread.sleep(50); // spreads the writes over several checkpoints, so some land during the hand-over
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

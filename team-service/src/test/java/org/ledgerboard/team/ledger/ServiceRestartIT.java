package org.ledgerboard.team.ledger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.LedgerSealed;
import org.ledgerboard.core.integrity.ChainReport;
import org.ledgerboard.core.integrity.ChainVerifier;
import org.ledgerboard.core.integrity.TrustedKeys;
import org.ledgerboard.testkit.InfraEndpoints;
import org.ledgerboard.testkit.LedgerInfra;
import org.ledgerboard.testkit.LedgerTopic;
import org.ledgerboard.testkit.TestIssuer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged service, killed with SIGKILL in the middle of a stream of commands and started again, loses
 * nothing: every command retried with its Idempotency-Key ends with its receipt (never a refusal of its own
 * earlier effect), its event reaches the ledger once (or as byte-identical copies), in order, and after a clean
 * stop every event is sealed.
 */
class ServiceRestartIT {
    private static final int COMMANDS = 400;

    private final InfraEndpoints infra = LedgerInfra.embedded();
    private final TestIssuer issuer = TestIssuer.shared();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String database = "team-restart-" + UUID.randomUUID().toString().substring(0, 8);
    private final int port = freePort();
    private Process service;
    private int starts;

    @AfterEach
    void stopService() {
        if (service != null) {
            service.destroyForcibly();
        }
    }

    @Test
    void aServiceKilledMidStreamLosesNothing() throws Exception {
        start(database);
        String c = "restart-" + database;
        assertThat(post("/competitions", "{\"competitionId\":\"" + c + "\",\"name\":\"재시작\",\"organiser\":\"o\","
                + "\"budget\":{\"KRW\":\"1000\"},\"finalists\":1,\"signatures\":\"optional\"}", "launch").statusCode()).isEqualTo(201);

        AtomicInteger accepted = new AtomicInteger();
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < COMMANDS; i++) {
                selectUntilAccepted(c, "team-" + i);
                accepted.incrementAndGet();
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.get() >= COMMANDS / 3);
        service.destroyForcibly().waitFor();
        start(database);
        stream.get();

        List<LedgerTopic.Entry> entries = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ledger().competition(c), es -> distinctEvents(es) == COMMANDS + 1);
        assertPublishedOnceInOrder(entries);

        service.destroy(); // SIGTERM: a clean stop seals what is left
        service.waitFor();
        List<LedgerTopic.Entry> sealed = await().atMost(Duration.ofSeconds(30))
                .until(() -> ledger().competition(c), es -> es.get(es.size() - 1).decoded().data() instanceof LedgerSealed);
        ChainVerifier verifier = new ChainVerifier(keys);
        sealed.forEach(e -> verifier.accept(e.offset(), e.value()));
        ChainReport report = verifier.report();
        assertThat(report.findings()).isEmpty();
        assertThat(report.unsealed()).isEmpty();
        System.out.printf("restart: %d commands, %d records on the topic, %d duplicates skipped%n",
                COMMANDS + 1, sealed.size(), report.duplicates());
    }

    @Test
    void aStoreThatLostItsEventsIsRestoredFromTheLedgerBeforeTheServiceTakesACommand() throws Exception {
        start(database);
        String c = "restore-" + database;
        assertThat(post("/competitions", "{\"competitionId\":\"" + c + "\",\"name\":\"복원\",\"organiser\":\"o\","
                + "\"budget\":{\"KRW\":\"1000\"},\"finalists\":1,\"signatures\":\"optional\"}", "launch-" + c).statusCode()).isEqualTo(201);
        for (int i = 0; i < 5; i++) {
            selectUntilAccepted(c, "team-" + i);
        }
        service.destroyForcibly().waitFor();

        start(database + "-empty"); // the same service on a store that lost everything

        assertThat(get("/competitions/" + c + "/teams/team-3").statusCode()).isEqualTo(200);
        assertThat(post("/competitions/" + c + "/teams", "{\"teamId\":\"team-3\",\"name\":\"again\","
                + "\"leadOrganisation\":\"l\",\"consortium\":[]}", "reselect").body()).contains("team-id-unique");
        selectUntilAccepted(c, "team-5");
        List<LedgerTopic.Entry> entries = await().atMost(Duration.ofSeconds(30))
                .until(() -> ledger().competition(c), es -> distinctEvents(es) == 7);
        assertPublishedOnceInOrder(entries);
        assertThat(entries.stream().map(LedgerTopic.Entry::decoded).filter(r -> !(r.data() instanceof LedgerSealed))
                .count()).as("no event published twice").isEqualTo(7);
    }

    private TrustedKeys keys;

    private LedgerTopic ledger() {
        return new LedgerTopic(infra.kafkaBootstrap());
    }

    private static long distinctEvents(List<LedgerTopic.Entry> entries) {
        return entries.stream().map(LedgerTopic.Entry::decoded).filter(r -> !(r.data() instanceof LedgerSealed))
                .map(LedgerRecord::id).distinct().count();
    }

    private static void assertPublishedOnceInOrder(List<LedgerTopic.Entry> entries) {
        Map<String, byte[]> firstCopy = new HashMap<>();
        long expected = 0;
        for (LedgerTopic.Entry entry : entries) {
            LedgerRecord record = entry.decoded();
            if (record.data() instanceof LedgerSealed) {
                continue;
            }
            byte[] earlier = firstCopy.putIfAbsent(record.id(), entry.value());
            if (earlier != null) {
                assertThat(entry.value()).as("re-published %s", record.id()).isEqualTo(earlier);
            } else {
                assertThat(record.sequence()).isEqualTo(expected++);
            }
        }
    }

    /** Retries like a careful client: same Idempotency-Key, until the service answers. */
    private void selectUntilAccepted(String c, String teamId) {
        String body = "{\"teamId\":\"" + teamId + "\",\"name\":\"" + teamId + "\",\"leadOrganisation\":\"l\","
                + "\"consortium\":[]}";
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = post("/competitions/" + c + "/teams", body, "select-" + teamId);
                if (response.statusCode() == 201) {
                    return; // recorded now, or before the crash and answered with that first receipt
                }
                assertThat(response.statusCode() >= 500 || response.body().contains("in-progress"))
                        .as("a retry of %s answered %s", teamId, response.body()).isTrue();
            } catch (IOException down) {
                // the service is restarting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException("team " + teamId + " was never accepted");
    }

    private HttpResponse<String> post(String path, String json, String key) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .header("Authorization", "Bearer " + issuer.token("organiser", "restart-organiser"))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void start(String storeDatabase) throws IOException {
        starts++;
        Path log = Path.of("target", "restart-it-" + database + "-" + starts + ".log");
        Files.createDirectories(log.getParent());
        service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dledgerboard.kafka.bootstrap-servers=" + infra.kafkaBootstrap(),
                "-Dquarkus.mongodb.connection-string=" + infra.mongoConnectionString(),
                "-Dledgerboard.mongo.database=" + storeDatabase,
                "-Dledgerboard.key-file=target/restart-it/" + database + ".pem",
                "-Dmp.jwt.verify.publickey.location=" + issuer.config().get("mp.jwt.verify.publickey.location"),
                "-Dmp.jwt.verify.issuer=" + TestIssuer.ISSUER,
                "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() ->
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        keys = TrustedKeys.parse(http.sendAsync(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/ledger/keys")).build(), HttpResponse.BodyHandlers.ofString())
                .join().body());
    }

    private static void pause() {
        try {
            Thread.sleep(200); // a client's back-off between retries
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

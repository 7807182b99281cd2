package org.ledgerboard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.TeamSelected;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code deploy/ledgerboard up --brokers 3 --replicas 2}: three KRaft brokers and two instances of every service,
 * each its own process, the ledger's topics replicated three times with a write acknowledged by two. A broker killed
 * with SIGKILL while commands stream into both team-service instances stops nothing and loses nothing; when the
 * instance that publishes dies, the other publishes within 10 s; one paused and revived after the other took over
 * cannot fork the chain. {@code up} brings back whatever was killed. A short chaos run (deploy/bench/chaos.sh) kills
 * a broker, one instance of each service and the store under load, and every answer is on the ledger once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterIT {
    private static final int TEAMS = 40;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static LocalRuntime runtime;

    @BeforeAll
    static void upWithThreeBrokersAndTwoInstancesOfEachService() throws Exception {
        runtime = new LocalRuntime("cluster-home", 3, 2);
        LocalRuntime.Run up = runtime.ledgerboard("up", "--brokers", "3", "--replicas", "2");
        assertThat(up.exit()).as(up.output()).isZero();
    }

    @AfterAll
    static void down() throws Exception {
        runtime.ledgerboard("down");
    }

    private static List<JsonNode> status() throws Exception {
        LocalRuntime.Run status = runtime.quietly("status", "--json");
        List<JsonNode> processes = new ArrayList<>();
        new ObjectMapper().readTree(status.output()).forEach(processes::add);
        return processes;
    }

    @Test
    @Order(1)
    void statusNamesEveryProcessWithItsPidAndPort() throws Exception {
        List<JsonNode> processes = status();

        assertThat(processes).extracting(p -> p.get("name").asText()).containsExactly("kafka-1", "kafka-2", "kafka-3",
                "store", "team-service-1", "team-service-2", "evaluation-service-1", "evaluation-service-2",
                "ranking-service-1", "ranking-service-2", "projections-1", "projections-2");
        assertThat(processes).allSatisfy(p -> {
            assertThat(p.get("running").asBoolean()).isTrue();
            assertThat(p.get("pid").asLong()).isPositive();
            assertThat(p.get("port").asInt()).isPositive();
        });
        assertThat(processes.get(4).get("url").asText()).isEqualTo(runtime.url("TEAM-1"));
        assertThat(processes.get(5).get("url").asText()).isEqualTo(runtime.url("TEAM-2"));
    }

    @Test
    @Order(2)
    void exactlyOneInstanceOfEachServicePublishesAndOneOfProjectionsWrites() throws Exception {
        for (String service : List.of("TEAM", "EVALUATION", "RANKING", "PROJECTIONS")) {
            assertThat(Stream.of(1, 2).filter(i -> publishes(service + "-" + i))).as(service).hasSize(1);
        }
    }

    @Test
    @Order(3)
    void theLedgerIsReplicatedThreeTimesAndAWriteNeedsTwo() throws Exception {
        assertThat(topicSummary()).contains("ledger.events: 3 partitions, replication 3, min.insync.replicas=2",
                "ledger.checkpoints: 3 partitions, replication 3, min.insync.replicas=2");
    }

    @Test
    @Order(4)
    void aPlainUpKeepsTheClusterAsItRuns() throws Exception {
        LocalRuntime.Run up = runtime.ledgerboard("up");

        assertThat(up.exit()).isZero();
        assertThat(up.output()).contains("already running", "kafka-3", "team-service-2");
    }

    @Test
    @Order(5)
    void aBrokerKilledWhileCommandsStreamInLosesNoAcknowledgedCommand() throws Exception {
        CarefulClient client = new CarefulClient(runtime, "cluster-organiser");
        String c = client.competitionWithTeams(0);
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < TEAMS; i++) { // into both instances in turn
                client.untilReceipt("TEAM-" + (1 + i % 2), "/competitions/" + c + "/teams",
                        CarefulClient.team("t" + i), c + "-t" + i);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> client.receipts().size() >= 10);

        runtime.kill("kafka-2");
        int answeredWithoutIt = client.receipts().size();
        stream.get();
        LocalRuntime.Run up = runtime.ledgerboard("up");

        assertThat(up.exit()).as(up.output()).isZero();
        assertThat(client.receipts().size()).isGreaterThan(answeredWithoutIt); // commands went on without kafka-2
        assertEveryReceiptOnTheLedgerOnce(client, c, TEAMS);
        assertThat(status()).allSatisfy(p -> assertThat(p.get("running").asBoolean()).as(p.toString()).isTrue());
    }

    @Test
    @Order(6)
    void whenThePublishingInstanceDiesTheOtherPublishesWithinTenSeconds() throws Exception {
        CarefulClient client = new CarefulClient(runtime, "takeover-organiser");
        String c = client.competitionWithTeams(1);
        String dead = publisher("TEAM");
        String survivor = other(dead);

        runtime.kill(processName(dead));
        long killed = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> publishes(survivor));
        System.out.printf("%s publishes %d ms after %s was killed%n", processName(survivor),
                Duration.ofNanos(System.nanoTime() - killed).toMillis(), processName(dead));
        client.untilReceipt(survivor, "/competitions/" + c + "/teams", CarefulClient.team("t1"), c + "-t1");
        LocalRuntime.Run up = runtime.ledgerboard("up");
        client.untilReceipt(dead, "/competitions/" + c + "/teams", CarefulClient.team("t2"), c + "-t2");

        assertThat(up.exit()).as(up.output()).isZero();
        assertThat(publishes(dead)).as("the revived instance takes commands but does not publish").isFalse();
        assertEveryReceiptOnTheLedgerOnce(client, c, 3);
    }

    @Test
    @Order(7)
    void aPublisherPausedAndRevivedAfterTheOtherTookOverCannotForkTheChain() throws Exception {
        CarefulClient client = new CarefulClient(runtime, "paused-organiser");
        String c = client.competitionWithTeams(0);
        String paused = publisher("TEAM");
        String other = other(paused);
        CompletableFuture<Void> intoPaused = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 10; i++) {
                client.untilReceipt(paused, "/competitions/" + c + "/teams", CarefulClient.team("p" + i), c + "-p" + i);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> client.receipts().size() >= 3);

        runtime.signal(processName(paused), "STOP"); // with commands of its own on the way
        await().atMost(Duration.ofSeconds(20)).until(() -> publishes(other));
        for (int i = 0; i < 10; i++) {
            client.untilReceipt(other, "/competitions/" + c + "/teams", CarefulClient.team("o" + i), c + "-o" + i);
        }
        runtime.signal(processName(paused), "CONT");
        intoPaused.get();

        assertEveryReceiptOnTheLedgerOnce(client, c, 20); // and the audit finds one chain per source
        assertThat(publishes(paused)).isFalse();
    }

    @Test
    @Order(8)
    void aChaosRunKillingABrokerAnInstanceOfEachServiceAndTheStoreLosesAndRepeatsNothing() throws Exception {
        LocalRuntime.Run chaos = runtime.bench("chaos.sh", "35");

        assertThat(chaos.exit()).as(chaos.output()).isZero();
        List<String> lines = chaos.output().lines().toList();
        Matcher last = Pattern.compile("acknowledged=(\\d+) on-ledger=\\1 lost=0 duplicated=0 forks=0 audit=PASS")
                .matcher(lines.get(lines.size() - 1));
        assertThat(last.matches()).as(chaos.output()).isTrue();
        assertThat(Integer.parseInt(last.group(1))).as("commands answered through the faults").isGreaterThan(20);
        assertThat(status()).allSatisfy(p -> assertThat(p.get("running").asBoolean()).as(p.toString()).isTrue());
    }

    /** Each receipt's event is on the ledger exactly once, the competition has TEAMS teams, the audit passes. */
    private static void assertEveryReceiptOnTheLedgerOnce(CarefulClient client, String c, int teams) throws Exception {
        List<LedgerRecord> events = client.events(c);
        Map<String, Long> copies = events.stream().collect(Collectors.groupingBy(LedgerRecord::id, Collectors.counting()));
        client.receipts().forEach((key, eventId) ->
                assertThat(copies.get(eventId)).as("receipt %s of %s on the ledger", eventId, key).isEqualTo(1L));
        assertThat(events.stream().filter(e -> e.data() instanceof TeamSelected)).hasSize(teams);
        LocalRuntime.Run audit = runtime.ledgerboard("audit", "--competition", c);
        assertThat(audit.exit()).as(audit.output()).isZero();
    }

    /** The team-service instance ("TEAM-1" or "TEAM-2") that publishes the source's chain now. */
    private static String publisher(String service) {
        return Stream.of(service + "-1", service + "-2").filter(LocalClusterIT::publishes).findFirst()
                .orElseThrow(() -> new AssertionError("no instance of " + service + " publishes"));
    }

    private static String other(String instance) {
        return instance.endsWith("-1") ? instance.replace("-1", "-2") : instance.replace("-2", "-1");
    }

    /** "TEAM-2" -> "team-service-2": the process's name in the runtime. */
    private static String processName(String instance) {
        return instance.replace("TEAM", "team-service");
    }

    /** What the instance's readiness says of it: whether it holds the lease (publishes, or writes the views). */
    private static boolean publishes(String instance) {
        try {
            HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(
                    URI.create(runtime.url(instance) + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode check : new ObjectMapper().readTree(ready.body()).path("checks")) {
                JsonNode data = check.path("data");
                if (data.path("publisher").asBoolean() || data.path("writer").asBoolean()) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) { // not answering: not publishing
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What CreateTopics prints of the ledger's topics, as the cluster has them now. */
    private static String topicSummary() throws Exception {
        return new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"),
                CreateTopics.class.getName(), runtime.kafka(), "3", "3")
                .redirectErrorStream(true).start().inputReader().lines().collect(Collectors.joining("\n"));
    }
}

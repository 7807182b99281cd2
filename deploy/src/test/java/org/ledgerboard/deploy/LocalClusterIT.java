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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code deploy/ledgerboard up --brokers 3}: three KRaft brokers, each its own process, the ledger's topics replicated
 * three times with a write acknowledged by two. A broker killed with SIGKILL while commands stream in stops
 * nothing and loses nothing; {@code up} brings it back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterIT {
    private static final int TEAMS = 40;
    private static LocalRuntime runtime;

    @BeforeAll
    static void upWithThreeBrokers() throws Exception {
        runtime = new LocalRuntime("cluster-home", 3);
        LocalRuntime.Run up = runtime.ledgerboard("up", "--brokers", "3");
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
                "store", "team-service", "evaluation-service", "ranking-service", "projections");
        assertThat(processes).allSatisfy(p -> {
            assertThat(p.get("running").asBoolean()).isTrue();
            assertThat(p.get("pid").asLong()).isPositive();
            assertThat(p.get("port").asInt()).isPositive();
        });
        assertThat(processes.get(4).get("url").asText()).isEqualTo(runtime.url("TEAM"));
    }

    @Test
    @Order(2)
    void theLedgerIsReplicatedThreeTimesAndAWriteNeedsTwo() throws Exception {
        assertThat(topicSummary()).contains("ledger.events: 3 partitions, replication 3, min.insync.replicas=2",
                "ledger.checkpoints: 3 partitions, replication 3, min.insync.replicas=2");
    }

    @Test
    @Order(3)
    void aPlainUpKeepsTheClusterAsItRuns() throws Exception {
        LocalRuntime.Run up = runtime.ledgerboard("up");

        assertThat(up.exit()).isZero();
        assertThat(up.output()).contains("already running", "kafka-3");
    }

    @Test
    @Order(4)
    void aBrokerKilledWhileCommandsStreamInLosesNoAcknowledgedCommand() throws Exception {
        CarefulClient client = new CarefulClient(runtime, "cluster-organiser");
        String c = client.competitionWithTeams(0);
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < TEAMS; i++) {
                client.untilReceipt("TEAM", "/competitions/" + c + "/teams", CarefulClient.team("t" + i), c + "-t" + i);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> client.receipts().size() >= 10);

        runtime.kill("kafka-2");
        int answeredWithoutIt = client.receipts().size();
        stream.get();
        LocalRuntime.Run up = runtime.ledgerboard("up");

        assertThat(up.exit()).as(up.output()).isZero();
        assertThat(client.receipts().size()).isGreaterThan(answeredWithoutIt); // commands went on without kafka-2
        List<LedgerRecord> events = client.events(c);
        Map<String, Long> copies = events.stream().collect(Collectors.groupingBy(LedgerRecord::id, Collectors.counting()));
        client.receipts().forEach((key, eventId) ->
                assertThat(copies.get(eventId)).as("receipt %s of %s on the ledger", eventId, key).isEqualTo(1L));
        assertThat(events.stream().filter(e -> e.data() instanceof TeamSelected)).hasSize(TEAMS);
        assertThat(status()).allSatisfy(p -> assertThat(p.get("running").asBoolean()).as(p.toString()).isTrue());
        LocalRuntime.Run audit = runtime.ledgerboard("audit", "--competition", c);
        assertThat(audit.exit()).as(audit.output()).isZero();
    }

    /** What CreateTopics prints of the ledger's topics, as the cluster has them now. */
    private static String topicSummary() throws Exception {
        return new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"),
                CreateTopics.class.getName(), runtime.kafka(), "3", "3")
                .redirectErrorStream(true).start().inputReader().lines().collect(Collectors.joining("\n"));
    }
}

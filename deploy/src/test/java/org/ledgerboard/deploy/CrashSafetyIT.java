package org.ledgerboard.deploy;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.FundingDisbursed;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.kafka.LedgerReader;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing lost, nothing twice: the store, team-service, the broker, ranking-service and projections of the real
 * runtime are killed with SIGKILL under commands whose clients retry with the same Idempotency-Key, and brought
 * back with {@code deploy/ledgerboard up}. Every command ends with its one receipt, every receipt's event is on the ledger
 * exactly once, the stores agree with the ledger, while the broker is away commands are answered 503 in seconds
 * (never with a receipt for an event the ledger does not hold), and a restarted service is ready only when able.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashSafetyIT {
    private static final int TEAMS = 24;
    private static LocalRuntime runtime;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private CarefulClient client;

    @BeforeAll
    static void up() throws Exception {
        runtime = new LocalRuntime("crash-home");
        assertThat(runtime.ledgerboard("up").exit()).isZero();
    }

    @BeforeEach
    void aCarefulClient() {
        client = new CarefulClient(runtime, "crash-organiser");
    }

    @AfterAll
    static void down() throws Exception {
        runtime.ledgerboard("down");
    }

    @Test
    @Order(1)
    void aKilledStoreLosesNoAcknowledgedWrite() throws Exception {
        selectionsSurviveTheCrashOf("store");
    }

    @Test
    @Order(2)
    void aKilledTeamServiceLosesNoAcknowledgedWrite() throws Exception {
        selectionsSurviveTheCrashOf("team-service");
    }

    @Test
    @Order(3)
    void aKilledBrokerLosesNoAcknowledgedWrite() throws Exception {
        selectionsSurviveTheCrashOf("kafka");
    }

    @Test
    @Order(4)
    void aDisbursementRetriedAcrossACrashOfTeamServiceMidRequestIsPaidOnce() throws Exception {
        String c = client.competitionWithTeams(1);
        assertThat(client.post("TEAM", "/competitions/" + c + "/grants", "{\"grantId\":\"g1\",\"teamId\":\"t0\","
                + "\"resource\":\"KRW\",\"amount\":\"1000\",\"round\":1}", c + "-grant").statusCode()).isEqualTo(201);

        runtime.kill("kafka"); // so the disbursement is recorded and then waits for the ledger when the crash hits
        CompletableFuture<Void> disbursement = CompletableFuture.runAsync(() -> client.untilReceipt("TEAM",
                "/competitions/" + c + "/grants/g1/disbursements", "{\"amount\":\"100\"}", c + "-disbursement"));
        // the request is in the service, its event stored (the grant's view shows it), its answer not yet given
        await().atMost(Duration.ofSeconds(5)).until(() -> get("TEAM", "/competitions/" + c + "/grants/g1").body()
                .contains("\"disbursed\":\"100\""));
        runtime.kill("team-service");
        assertThat(runtime.ledgerboard("up").exit()).isZero();
        disbursement.get();

        List<LedgerRecord> paid = client.events(c).stream().filter(r -> r.data() instanceof FundingDisbursed).toList();
        assertThat(paid).hasSize(1);
        assertThat(paid.get(0).id()).isEqualTo(client.receipts().get(c + "-disbursement"));
    }

    @Test
    @Order(5)
    void withTheBrokerDownACommandIsAnswered503InSecondsAndItsRetryGetsTheReceipt() throws Exception {
        String c = client.competitionWithTeams(0);
        runtime.kill("kafka");

        Instant asked = Instant.now();
        HttpResponse<String> refused = client.post("TEAM", "/competitions/" + c + "/teams", CarefulClient.team("t1"), c + "-outage");
        Duration took = Duration.between(asked, Instant.now());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(took).isLessThanOrEqualTo(Duration.ofSeconds(10)); // a receipt waits up to 6 s for the ledger
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(runtime.ledgerboard("up").exit()).isZero();
        client.untilReceipt("TEAM", "/competitions/" + c + "/teams", CarefulClient.team("t1"), c + "-outage");
        assertThat(client.events(c).stream().filter(r -> r.id().equals(client.receipts().get(c + "-outage")))).hasSize(1);
    }

    @Test
    @Order(6)
    void rankingDecidesARoundWithinFifteenSecondsOfItsCrash() throws Exception {
        String c = client.competitionWithTeams(2);
        String later = Instant.now().plus(Duration.ofHours(2)).toString();
        String r = "/competitions/" + c + "/rounds";
        client.once("EVALUATION", r, "{\"roundId\":\"r1\",\"number\":1,\"submissionDeadline\":\"" + later + "\","
                + "\"criteria\":[{\"name\":\"x\",\"weight\":\"1\",\"maxScore\":\"10\"}],\"decimals\":2,\"eliminate\":1,"
                + "\"tieBreak\":[\"teamId\"]}");
        client.once("EVALUATION", r + "/r1/evaluators", "{\"evaluatorId\":\"ev\",\"affiliation\":\"panel\",\"criteria\":[\"x\"]}");
        for (String t : List.of("t0", "t1")) {
            client.once("EVALUATION", r + "/r1/submissions", "{\"submissionId\":\"s" + t + "\",\"teamId\":\"" + t + "\","
                    + "\"artifactDigest\":\"" + "ab".repeat(32) + "\",\"modelCardUri\":\"https://example.org/" + t + "\"}");
            client.once("EVALUATION", r + "/r1/evaluations", "{\"submissionId\":\"s" + t + "\",\"evaluatorId\":\"ev\","
                    + "\"criterion\":\"x\",\"score\":\"" + (t.equals("t0") ? "9" : "4") + "\"}");
        }
        // watched as the ledger grows: the test's own polling of the whole topic took seconds to notice it
        CompletableFuture<Instant> decided = firstOnTheLedger(c, TeamEliminated.class);
        client.once("EVALUATION", r + "/r1/close", "{}");

        runtime.kill("ranking-service");
        Instant crashed = Instant.now();
        assertThat(runtime.ledgerboard("up").exit()).isZero();
        Duration took = Duration.between(crashed, decided.get(60, TimeUnit.SECONDS)); // negative if decided before it
        System.out.println("ranking decided " + took.toMillis() + " ms after its crash");
        assertThat(took).isLessThanOrEqualTo(Duration.ofSeconds(15));
    }

    @Test
    @Order(7)
    void aRestartedProjectionsIsReadyOnlyWithViewsAtLeastAsNewAsBefore() throws Exception {
        String c = client.competitionWithTeams(3);
        String funding = "/competitions/" + c + "/funding";
        long before = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> position(get("PROJECTIONS", funding)), p -> p >= 0);

        runtime.kill("projections");
        assertThat(runtime.ledgerboard("up").exit()).isZero();

        assertThat(position(get("PROJECTIONS", funding))).isGreaterThanOrEqualTo(before);
    }

    /** When the first record of competition C with an event of TYPE is read from the ledger, from its end now on. */
    private CompletableFuture<Instant> firstOnTheLedger(String c, Class<? extends LedgerEvent> type) {
        LedgerReader reader = LedgerReader.open(runtime.kafka(), LedgerReader.Pace.LIVE);
        reader.assignAll(Map.of()).forEach(reader::seek);
        return CompletableFuture.supplyAsync(() -> {
            try (reader) {
                Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
                while (Instant.now().isBefore(giveUp)) {
                    for (ConsumerRecord<String, byte[]> message : reader.poll(Duration.ofMillis(100))) {
                        if (c.equals(message.key()) && type.isInstance(EventCodec.decode(message.value()).data())) {
                            return Instant.now();
                        }
                    }
                }
                throw new AssertionError("no " + type.getSimpleName() + " of " + c + " on the ledger");
            }
        });
    }

    private static long position(HttpResponse<String> views) {
        Matcher position = Pattern.compile("\"position\":(\\d+)").matcher(views.body());
        return views.statusCode() == 200 && position.find() ? Long.parseLong(position.group(1)) : -1;
    }

    private HttpResponse<String> get(String service, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(runtime.url(service) + path)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Selections stream in, NAME is killed and brought back, and every selection ends with its one receipt. */
    private void selectionsSurviveTheCrashOf(String name) throws Exception {
        String c = client.competitionWithTeams(0);
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < TEAMS; i++) {
                client.untilReceipt("TEAM", "/competitions/" + c + "/teams", CarefulClient.team("t" + i), c + "-t" + i);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> client.receipts().keySet().stream().filter(k -> k.startsWith(c)).count() >= 6);
        runtime.kill(name);
        assertThat(runtime.ledgerboard("up").exit()).isZero();
        stream.get();

        List<LedgerRecord> events = client.events(c);
        Map<String, Long> copies = events.stream().collect(Collectors.groupingBy(LedgerRecord::id, Collectors.counting()));
        client.receipts().forEach((key, eventId) -> {
            if (key.startsWith(c + "-t")) {
                assertThat(copies.get(eventId)).as("receipt %s of %s on the ledger", eventId, key).isEqualTo(1L);
            }
        });
        Map<String, Long> selected = events.stream().filter(e -> e.data() instanceof TeamSelected)
                .collect(Collectors.groupingBy(e -> ((TeamSelected) e.data()).teamId(), Collectors.counting()));
        assertThat(selected).hasSize(TEAMS).allSatisfy((team, times) -> assertThat(times).isEqualTo(1L));
        assertThat(client.post("TEAM", "/competitions/" + c + "/teams", CarefulClient.team("t3"), UUID.randomUUID().toString())
                .statusCode()).as("the store agrees with the ledger").isEqualTo(409);
    }

}

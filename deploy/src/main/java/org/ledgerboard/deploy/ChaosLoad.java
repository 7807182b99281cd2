package org.ledgerboard.deploy;

import org.ledgerboard.core.event.Actor;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load of deploy/bench/chaos.sh: for SECONDS, and on until the file DONE exists (the faults are over), teams selected and evaluators assigned in several competitions,
 * spread over every instance of team-service and evaluation-service, as a careful client sends them: each command
 * with its own Idempotency-Key, sent again with the same key through refusals (503), timeouts and refused
 * connections until it is answered. Every receipt is written to OUT as "key TAB eventId" the moment it arrives:
 * that is what the ledger must then hold, once each.
 * Usage: ChaosLoad SECONDS DONE ISSUER_DIR OUT TEAM_URL,... EVALUATION_URL,...
 */
public final class ChaosLoad {
    private static final int COMPETITIONS = 4;
    private static final int IN_FLIGHT = 4;
    /** How long one command is retried: longer than any outage the chaos run makes. */
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String token;
    private final PrintWriter receipts;
    private final AtomicInteger refused = new AtomicInteger();

    private ChaosLoad(String token, PrintWriter receipts) {
        this.token = token;
        this.receipts = receipts;
    }

    public static void main(String[] args) throws Exception {
        Instant end = Instant.now().plusSeconds(Long.parseLong(args[0]));
        Path done = Path.of(args[1]);
        String token = LocalIssuer.in(Path.of(args[2])).token(Actor.ORGANISER, "chaos-organiser", Duration.ofHours(2));
        List<String> teams = List.of(args[4].split(","));
        List<String> evaluations = List.of(args[5].split(","));
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])), true)) {
            ChaosLoad load = new ChaosLoad(token, out);
            List<String> competitions = load.prepare(teams.get(0), evaluations.get(0));
            AtomicInteger next = new AtomicInteger();
            ExecutorService workers = Executors.newFixedThreadPool(IN_FLIGHT);
            for (int w = 0; w < IN_FLIGHT; w++) {
                workers.submit(() -> {
                    while (Instant.now().isBefore(end) || !Files.exists(done)) {
                        int n = next.incrementAndGet();
                        load.command(n, competitions.get(n % COMPETITIONS), teams.get(n % teams.size()),
                                evaluations.get(n % evaluations.size()));
                    }
                    return null;
                });
            }
            workers.shutdown();
            workers.awaitTermination(1, TimeUnit.HOURS); // each command gives up after PATIENCE
            System.err.printf("ChaosLoad: %d commands sent, %d refused%n", next.get(), load.refused.get());
        }
    }

    /** The run's competitions, each with a round open for evaluators. */
    private List<String> prepare(String team, String evaluation) throws InterruptedException {
        String run = "chaos-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> competitions = new ArrayList<>();
        for (int i = 1; i <= COMPETITIONS; i++) {
            String c = run + "-" + i;
            untilAnswered(team + "/competitions", "{\"competitionId\":\"" + c + "\",\"name\":\"chaos\",\"organiser\":\"o\","
                    + "\"budget\":{\"KRW\":\"1000000\"},\"finalists\":1,\"signatures\":\"optional\"}", c);
            untilAnswered(evaluation + "/competitions/" + c + "/rounds", "{\"roundId\":\"r1\",\"number\":1,"
                    + "\"submissionDeadline\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\",\"criteria\":[{\"name\":"
                    + "\"x\",\"weight\":\"1\",\"maxScore\":\"10\"}],\"decimals\":2,\"eliminate\":1,\"tieBreak\":[\"teamId\"]}",
                    c + "-r1");
            competitions.add(c);
        }
        return competitions;
    }

    /** Command N: every fifth an evaluator assigned, the others a team selected. */
    private void command(int n, String competition, String team, String evaluation) throws InterruptedException {
        if (n % 5 == 0) {
            untilAnswered(evaluation + "/competitions/" + competition + "/rounds/r1/evaluators",
                    "{\"evaluatorId\":\"ev" + n + "\",\"affiliation\":\"panel\",\"criteria\":[\"x\"]}", competition + "-ev" + n);
        } else {
            untilAnswered(team + "/competitions/" + competition + "/teams", "{\"teamId\":\"t" + n + "\",\"name\":\"t" + n
                    + "\",\"leadOrganisation\":\"lab\",\"consortium\":[\"lab\"],\"members\":[\"m" + n + "\"]}",
                    competition + "-t" + n);
        }
    }

    private void untilAnswered(String url, String json, String key) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
                Matcher eventId = EVENT_ID.matcher(answer.body());
                if (answer.statusCode() / 100 == 2 && eventId.find()) {
                    receipts.println(key + "\t" + eventId.group(1));
                    return;
                }
                // 503: a part is down; 409 in progress: the first try is still being handled
                if (answer.statusCode() < 500 && !answer.body().contains("in-progress")) {
                    refused.incrementAndGet();
                    System.err.printf("ChaosLoad: %s refused: %d %s%n", key, answer.statusCode(), answer.body());
                    return;
                }
            } catch (IOException restarting) {
                // the instance is down or restarting: the same key again
            }
            Thread.sleep(200); // a client's pause between tries, as a real one would make: not a wait for a condition
        }
        refused.incrementAndGet();
        System.err.printf("ChaosLoad: %s never answered within %s%n", key, PATIENCE);
    }
}

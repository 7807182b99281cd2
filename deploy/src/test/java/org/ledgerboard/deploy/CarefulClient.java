package org.ledgerboard.deploy;

import org.ledgerboard.core.event.Actor;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.LedgerSealed;
import org.ledgerboard.core.integrity.TokenIssuer;
import org.ledgerboard.testkit.LedgerTopic;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A careful client of the local runtime, as the crash tests need one: it retries a command with the same
 * Idempotency-Key until it has the receipt (through 503s and restarts) and keeps every receipt's event id.
 */
final class CarefulClient {
    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\":\"([^\"]+)\"");
    private static final Pattern TEAM_ID = Pattern.compile("\"teamId\":\"([^\"]+)\"");

    private final LocalRuntime runtime;
    private final String organiser;
    private final String prefix;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> receipts = new ConcurrentHashMap<>(); // Idempotency-Key -> eventId

    /** Acts as ORGANISER (a subject of the local issuer); names its competitions after it. */
    CarefulClient(LocalRuntime runtime, String organiser) {
        this.runtime = runtime;
        this.organiser = organiser;
        this.prefix = organiser.replace("-organiser", "");
    }

    /** Every receipt so far: Idempotency-Key to event id. */
    Map<String, String> receipts() {
        return receipts;
    }

    /** A competition launched by the client's organiser, with TEAMS teams selected. */
    String competitionWithTeams(int teams) {
        String c = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        untilReceipt("TEAM", "/competitions", "{\"competitionId\":\"" + c + "\",\"name\":\"" + prefix + "\",\"organiser\":\"o\","
                + "\"budget\":{\"KRW\":\"1000000\"},\"finalists\":1,\"signatures\":\"optional\"}", c);
        for (int i = 0; i < teams; i++) {
            untilReceipt("TEAM", "/competitions/" + c + "/teams", team("t" + i), c + "-t" + i);
        }
        return c;
    }

    static String team(String id) {
        return "{\"teamId\":\"" + id + "\",\"name\":\"" + id + "\",\"leadOrganisation\":\"lab " + id + "\","
                + "\"consortium\":[\"lab " + id + "\"],\"members\":[\"member-" + id + "\"]}";
    }

    void once(String service, String path, String json) {
        untilReceipt(service, path, json, UUID.randomUUID().toString());
    }

    /** The same Idempotency-Key until the receipt, through refusals to wait and restarts. */
    void untilReceipt(String service, String path, String json, String key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = post(service, path, json, key);
                if (answer.statusCode() == 201 || answer.statusCode() == 200) {
                    Matcher eventId = EVENT_ID.matcher(answer.body());
                    assertThat(eventId.find()).as(answer.body()).isTrue();
                    receipts.put(key, eventId.group(1));
                    return;
                }
                last = answer.statusCode() + " " + answer.body();
                assertThat(answer.statusCode() >= 500 || answer.body().contains("in-progress"))
                        .as("%s %s answered %s", path, key, last).isTrue();
            } catch (IOException restarting) {
                last = restarting.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new AssertionError(path + " with key " + key + " never got its receipt; last answer: " + last);
    }

    HttpResponse<String> post(String service, String path, String json, String key)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(runtime.url(service) + path))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .header("Authorization", "Bearer " + tokenFor(path, json))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Acts as the request needs: a team's member for its submission, the named evaluator, else the organiser. */
    private String tokenFor(String path, String json) {
        TokenIssuer issuer = LocalIssuer.in(runtime.home.resolve("issuer"));
        Matcher team = TEAM_ID.matcher(json);
        if (path.endsWith("/submissions") && team.find()) {
            return issuer.token(Actor.TEAM, "member-" + team.group(1), Duration.ofMinutes(10));
        }
        if (path.endsWith("/evaluations")) {
            return issuer.token(Actor.EVALUATOR, "ev", Duration.ofMinutes(10));
        }
        return issuer.token(Actor.ORGANISER, organiser, Duration.ofMinutes(10));
    }

    /**
     * The competition's events on the ledger, seals left out, once the event of every receipt keyed to it (its id,
     * alone or with a suffix) is readable: a transaction's records are readable once its commit markers are
     * written, which can follow the answer.
     */
    List<LedgerRecord> events(String competitionId) {
        Set<String> answered = receipts.entrySet().stream().filter(r -> r.getKey().startsWith(competitionId))
                .map(Map.Entry::getValue).collect(Collectors.toSet());
        return await("the events of every receipt of " + competitionId).atMost(Duration.ofSeconds(10))
                .until(() -> new LedgerTopic(runtime.kafka()).competition(competitionId).stream()
                                .map(LedgerTopic.Entry::decoded).filter(r -> !(r.data() instanceof LedgerSealed)).toList(),
                        events -> events.stream().map(LedgerRecord::id).collect(Collectors.toSet()).containsAll(answered));
    }

    private static void pause() {
        try {
            Thread.sleep(300); // a client's back-off between retries
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.ledgerboard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of the demo, run as the README says with an OpenTelemetry collector configured
 * (LEDGERBOARD_OTLP_ENDPOINT, here an OTLP receiver in the test) and JSON logs (LEDGERBOARD_LOG_JSON=true): the
 * elimination as one trace across the four services and the broker; a refusal's JSON log line with its trace,
 * competition and actor; no token or key in any log; every metric the Grafana dashboard shows.
 */
class ObservabilityIT {
    private static final String C = "sovereign-ai-2025";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static OtlpReceiver collector;
    private static LocalRuntime runtime;
    private static String token;

    @BeforeAll
    static void upWithTheDemo() throws Exception {
        collector = new OtlpReceiver();
        runtime = new LocalRuntime("observability-home").with("LEDGERBOARD_OTLP_ENDPOINT", collector.endpoint())
                .with("LEDGERBOARD_LOG_JSON", "true");
        LocalRuntime.Run demo = runtime.ledgerboard("up", "--demo");
        assertThat(demo.exit()).as(demo.output()).isZero();
        token = runtime.quietly("token", "--role", "organiser", "--subject", "msit-nipa").output().lines()
                .reduce((first, second) -> second).orElseThrow();
    }

    @AfterAll
    static void down() throws Exception {
        runtime.ledgerboard("down");
        collector.close();
    }

    @Test
    void theEliminationIsOneTraceFromTheRoundsCloseToTheDashboardsFold() {
        OtlpReceiver.Span decided = await().atMost(Duration.ofSeconds(60)).until(
                () -> span(s -> s.name().equals("publish ledger.events") && type(s).endsWith("TeamEliminated")),
                Optional::isPresent).get();
        String trace = decided.traceId();
        // the whole flow, each hop the child of the one before
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            OtlpReceiver.Span close = only(trace, s -> s.kind().equals("SERVER") && s.name().endsWith("/close"));
            assertThat(close.service()).isEqualTo("evaluation-service");
            OtlpReceiver.Span roundClosed = child(close, "evaluation-service", "publish ledger.events", "RoundClosed");
            OtlpReceiver.Span ranking = child(roundClosed, "ranking-service", "process ledger.events", "RoundClosed");
            OtlpReceiver.Span eliminated = child(ranking, "ranking-service", "publish ledger.events", "TeamEliminated");
            OtlpReceiver.Span revocation = child(eliminated, "team-service", "process ledger.events", "TeamEliminated");
            OtlpReceiver.Span revoked = child(revocation, "team-service", "publish ledger.events", "FundingRevoked");
            assertThat(kids(revoked)).anyMatch(s -> s.service().equals("projections")
                    && s.name().equals("fold ledger.events"));
            assertThat(kids(eliminated)).anyMatch(s -> s.service().equals("projections"));
        });
        System.out.println("the demo's elimination as exported (service: span [kind], indented under its parent):");
        print(trace, "", 0);
    }

    @Test
    void aRefusalIsLoggedAsJsonWithItsTraceCompetitionAndActor() throws Exception {
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(runtime.url("TEAM")
                        + "/competitions/" + C + "/grants/gpu-nc-ai/disbursements"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"1\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(409);

        JsonNode line = await().atMost(Duration.ofSeconds(10)).until(() -> jsonLines("team-service")
                .filter(l -> l.path("message").asText().startsWith("funding.disburse refused")).reduce((a, b) -> b),
                Optional::isPresent).get();
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        JsonNode mdc = line.path("mdc");
        assertThat(mdc.path("traceId").asText()).matches("[0-9a-f]{32}");
        assertThat(mdc.path("spanId").asText()).matches("[0-9a-f]{16}");
        assertThat(mdc.path("competitionId").asText()).isEqualTo(C);
        assertThat(mdc.path("actor").asText()).isEqualTo("organiser:msit-nipa");
        assertThat(line.path("message").asText()).contains("409");
    }

    @Test
    void noLogHoldsATokenOrKeyMaterial() throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(runtime.url("EVALUATION") + "/competitions/" + C + "/rounds"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"roundId\":\"\"}")).build(), HttpResponse.BodyHandlers.ofString());
        List<String> secrets = new ArrayList<>(List.of(token, token.split("\\.")[2]));
        try (Stream<Path> keys = Files.list(runtime.home.resolve("keys"))) { // the services' PKCS#8 PEM keys
            for (Path key : keys.toList()) {
                Files.readAllLines(key).stream().filter(l -> !l.startsWith("-----")).forEach(secrets::add);
            }
        }
        byte[] issuer = Files.readAllBytes(runtime.home.resolve("issuer").resolve("issuer-key.pk8")); // DER
        byte[] scalar = Arrays.copyOfRange(issuer, issuer.length - 32, issuer.length);
        secrets.add(Base64.getEncoder().encodeToString(issuer));
        secrets.add(Base64.getUrlEncoder().withoutPadding().encodeToString(scalar)); // as a JWK's "d"
        secrets.add(HexFormat.of().formatHex(scalar));
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(2 + 4 + 3);
        try (Stream<Path> logs = Files.list(runtime.home.resolve("logs"))) {
            for (Path log : logs.toList()) {
                String text = Files.readString(log);
                assertThat(text).as(log.toString()).doesNotContain("PRIVATE KEY");
                secrets.forEach(secret -> assertThat(text).as(log + " holds a secret").doesNotContain(secret));
            }
        }
    }

    /** The services serve theirs on /q/metrics; an audit job writes (or pushes) the verdicts. */
    @Test
    void everyMetricTheDashboardShowsIsServed() throws Exception {
        String dashboard = Files.readString(Path.of("grafana", "ledgerboard.json"));
        Set<String> shown = new TreeSet<>();
        Matcher name = Pattern.compile("ledgerboard_[a-z_]+").matcher(dashboard);
        while (name.find()) {
            shown.add(name.group());
        }
        StringBuilder served = new StringBuilder();
        for (String service : List.of("TEAM", "EVALUATION", "RANKING", "PROJECTIONS")) {
            served.append(HTTP.send(HttpRequest.newBuilder(URI.create(runtime.url(service) + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        }
        Path verdicts = runtime.home.resolve("audit.prom");
        assertThat(runtime.ledgerboard("audit", "--competition", C, "--metrics-file", verdicts.toString()).exit()).isZero();
        served.append(Files.readString(verdicts));

        assertThat(served).contains("ledgerboard_audit_passed{competition=\"" + C + "\"} 1.0");
        assertThat(shown).hasSizeGreaterThanOrEqualTo(10);
        shown.forEach(metric -> assertThat(served).as(metric).contains(metric));
    }

    private static Stream<JsonNode> jsonLines(String service) throws IOException {
        return Files.readAllLines(runtime.home.resolve("logs").resolve(service + ".log"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("{")).map(l -> {
                    try {
                        return JSON.readTree(l);
                    } catch (IOException e) {
                        throw new IllegalStateException("not a JSON log line: " + l, e);
                    }
                });
    }

    private static Optional<OtlpReceiver.Span> span(Predicate<OtlpReceiver.Span> which) {
        return collector.spans().stream().filter(which).findFirst();
    }

    private static OtlpReceiver.Span only(String trace, Predicate<OtlpReceiver.Span> which) {
        List<OtlpReceiver.Span> found = collector.spans().stream().filter(s -> s.traceId().equals(trace)).filter(which).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static OtlpReceiver.Span child(OtlpReceiver.Span parent, String service, String name, String type) {
        return kids(parent).stream().filter(s -> s.service().equals(service) && s.name().equals(name)
                && type(s).endsWith(type)).findFirst().orElseThrow(() -> new AssertionError(
                "no " + service + " span '" + name + "' of a " + type + " under " + parent));
    }

    private static List<OtlpReceiver.Span> kids(OtlpReceiver.Span parent) {
        return collector.spans().stream().filter(s -> s.traceId().equals(parent.traceId())
                && s.parentSpanId().equals(parent.spanId())).toList();
    }

    private static String type(OtlpReceiver.Span span) {
        return span.attributes().getOrDefault("ledgerboard.record.type", "");
    }

    private static void print(String trace, String parent, int depth) {
        collector.spans().stream().filter(s -> s.traceId().equals(trace) && s.parentSpanId().equals(parent))
                .sorted(Comparator.comparing(OtlpReceiver.Span::service))
                .forEach(s -> {
                    System.out.println("  ".repeat(depth + 1) + s.service() + ": " + s.name() + " [" + s.kind() + "]"
                            + (type(s).isEmpty() ? "" : " " + type(s)));
                    print(trace, s.spanId(), depth + 1);
                });
    }
}

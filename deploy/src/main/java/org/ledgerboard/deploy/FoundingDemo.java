package org.ledgerboard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ledgerboard.core.event.Envelope;
import org.ledgerboard.core.event.PublicKeyJwk;
import org.ledgerboard.core.event.SignedEvaluation;
import org.ledgerboard.core.event.SignedSubmission;
import org.ledgerboard.core.integrity.Dsse;
import org.ledgerboard.core.integrity.SigningKey;
import org.ledgerboard.core.integrity.TokenIssuer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plays round 1 of the founding case (Korea's 2025 sovereign-AI foundation-model programme) through the public
 * REST APIs only, then prints the standings and the funding table. The seed publishes no scores: every score
 * here is ILLUSTRATIVE and says so. A second run finds the competition already played and only prints.
 * Arguments: TEAM_URL EVALUATION_URL RANKING_URL.
 */
public final class FoundingDemo {
    static final String C = "sovereign-ai-2025";
    /** The programme's organiser, as the local issuer names it; the demo's teams and panels act for themselves. */
    private static final String ORGANISER = "organiser:msit-nipa";
    private static final String ILLUSTRATIVE = "ILLUSTRATIVE — the programme's scores are not public";

    /** The five teams selected in August 2025, in the Korean alphabetical order of the seed. */
    private static final Map<String, String[]> TEAMS = new LinkedHashMap<>();

    static {
        TEAMS.put("naver-cloud", new String[]{"네이버클라우드", "Naver Cloud"});
        TEAMS.put("upstage", new String[]{"업스테이지", "Upstage"});
        TEAMS.put("sk-telecom", new String[]{"에스케이텔레콤(SK텔레콤)", "SK Telecom"});
        TEAMS.put("nc-ai", new String[]{"엔씨에이아이(NC AI)", "NC AI"});
        TEAMS.put("lg-ai-research", new String[]{"엘지에이아이연구원(LG AI연구원)", "LG AI Research"});
    }

    /** Illustrative scores per team: benchmark, expert, user. */
    private static final Map<String, String[]> SCORES = Map.of(
            "naver-cloud", new String[]{"84", "83", "82"},
            "upstage", new String[]{"83", "85", "84"},
            "sk-telecom", new String[]{"86", "84", "80"},
            "nc-ai", new String[]{"80", "81", "79"},
            "lg-ai-research", new String[]{"87", "86", "83"});

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String team;
    private final String evaluation;
    private final String ranking;

    private final TokenIssuer tokens;

    private FoundingDemo(String team, String evaluation, String ranking, TokenIssuer tokens) {
        this.tokens = tokens;
        this.team = team;
        this.evaluation = evaluation;
        this.ranking = ranking;
    }

    public static void main(String[] args) throws Exception {
        FoundingDemo demo = new FoundingDemo(args[0], args[1], args[2], LocalIssuer.in(Path.of(args[3])));
        if (demo.get(demo.team + "/competitions/" + C).statusCode() == 404) {
            demo.play();
        } else {
            System.out.println("the founding competition was already played on this ledger; showing it");
        }
        demo.print();
    }

    private void play() throws Exception {
        System.out.println("playing round 1 of " + C + " through the REST APIs (scores: " + ILLUSTRATIVE + ")");
        post(ORGANISER, team + "/competitions", Map.of("competitionId", C, "name", "독자 AI 파운데이션 모델 프로젝트",
                "organiser", "과학기술정보통신부 · 정보통신산업진흥원(NIPA)",
                "budget", Map.of("GPU_HOURS", "1000000", "KRW", "100000000000"), "finalists", 2,
                "signatures", "required"));
        for (var t : TEAMS.entrySet()) {
            post(ORGANISER, team + "/competitions/" + C + "/teams", Map.of("teamId", t.getKey(), "name", t.getValue()[0],
                    "leadOrganisation", t.getValue()[1], "consortium", List.of(t.getValue()[1]),
                    "members", List.of(submitterOf(t.getKey())), "publicKey", publicKeyOf(t.getKey())));
            post(ORGANISER, team + "/competitions/" + C + "/grants", Map.of("grantId", "gpu-" + t.getKey(), "teamId", t.getKey(),
                    "resource", "GPU_HOURS", "amount", "150000", "round", 1));
            post(ORGANISER, team + "/competitions/" + C + "/grants/gpu-" + t.getKey() + "/disbursements", Map.of("amount", "50000"));
        }
        String rounds = evaluation + "/competitions/" + C + "/rounds";
        // The real round-1 presentation was on 2025-12-30; the demo's deadline is an hour from now so it can submit.
        post(ORGANISER, rounds, Map.of("roundId", "round-1", "number", 1,
                "submissionDeadline", Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString(),
                "criteria", List.of(Map.of("name", "benchmark", "weight", "0.40", "maxScore", "100"),
                        Map.of("name", "expert", "weight", "0.35", "maxScore", "100"),
                        Map.of("name", "user", "weight", "0.25", "maxScore", "100")),
                "decimals", 2, "eliminate", 1, "tieBreak", List.of("criterion:benchmark", "earliestSubmission", "teamId")));
        List<String> criteria = List.of("benchmark", "expert", "user");
        for (String criterion : criteria) {
            post(ORGANISER, rounds + "/round-1/evaluators", Map.of("evaluatorId", "panel-" + criterion,
                    "affiliation", "Independent " + criterion + " panel", "criteria", List.of(criterion),
                    "publicKey", publicKeyOf("panel-" + criterion)));
        }
        for (String id : TEAMS.keySet()) {
            post("team:" + submitterOf(id), rounds + "/round-1/submissions", Dsse.sign(keys.get(id),
                    Envelope.SUBMISSION, new SignedSubmission(C, "round-1", "round-1-" + id, id,
                            sha256(id + " foundation model, round 1 (demo artifact)"),
                            "https://example.org/model-cards/" + id)));
        }
        for (String id : TEAMS.keySet()) {
            for (int i = 0; i < criteria.size(); i++) {
                String panel = "panel-" + criteria.get(i);
                post("evaluator:" + panel, rounds + "/round-1/evaluations", Dsse.sign(keys.get(panel),
                        Envelope.EVALUATION, new SignedEvaluation(C, "round-1", "round-1-" + id, panel,
                                criteria.get(i), SCORES.get(id)[i])));
            }
        }
        post(ORGANISER, rounds + "/round-1/close", Map.of());
        String out = awaitElimination();
        HttpResponse<String> refused = send(ORGANISER, team + "/competitions/" + C + "/grants/gpu-" + out
                + "/disbursements", Map.of("amount", "1000"));
        if (refused.statusCode() != 409) {
            throw new IllegalStateException("a disbursement to eliminated " + out + " answered "
                    + refused.statusCode() + ": " + refused.body());
        }
        System.out.println("support stops on elimination: a disbursement to " + out + " is refused (409 "
                + json.readTree(refused.body()).path("rule").asText() + ")");
    }

    /** ranking-service decides from the ledger, team-service revokes from the ledger: waits for both; the team out. */
    private String awaitElimination() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> standings = get(ranking + "/competitions/" + C + "/standings");
            if (standings.statusCode() == 200) {
                JsonNode eliminated = json.readTree(standings.body()).get("eliminated");
                if (eliminated.size() > 0) {
                    String out = eliminated.get(0).asText();
                    JsonNode status = json.readTree(get(team + "/competitions/" + C + "/teams/" + out).body());
                    if ("ELIMINATED".equals(status.path("status").asText())) {
                        return out;
                    }
                }
            }
            Thread.sleep(250); // polling the public API, as any client would
        }
        throw new IllegalStateException("no elimination within 60 s; see deploy/ledgerboard logs");
    }

    private void print() throws Exception {
        JsonNode standings = json.readTree(get(ranking + "/competitions/" + C + "/standings").body());
        System.out.println();
        System.out.println("Standings after " + standings.path("roundId").asText() + " (scores " + ILLUSTRATIVE + ")");
        for (JsonNode t : standings.path("teams")) {
            System.out.printf("  %d. %-16s %7s  %s%n", t.get("rank").asInt(), t.get("teamId").asText(),
                    t.path("total").asText("-"), t.get("status").asText());
        }
        JsonNode competition = json.readTree(get(team + "/competitions/" + C).body());
        System.out.println();
        System.out.println("Funding (GPU_HOURS; amounts " + ILLUSTRATIVE.replace("scores", "amounts") + ")");
        System.out.printf("  %-16s %10s %10s %10s %10s  %s%n", "team", "granted", "disbursed", "revoked", "remaining", "status");
        for (JsonNode t : competition.path("teams")) {
            for (JsonNode g : t.path("grants")) {
                System.out.printf("  %-16s %10s %10s %10s %10s  %s%n", t.get("teamId").asText(), g.get("amount").asText(),
                        g.get("disbursed").asText(), g.get("revoked").asText(), g.get("remaining").asText(),
                        t.get("status").asText());
            }
        }
        JsonNode gpu = competition.path("budget").path("GPU_HOURS");
        System.out.printf("  %-16s %10s %10s %10s  budget %s, uncommitted %s%n", "total", gpu.path("granted").asText(),
                gpu.path("disbursed").asText(), gpu.path("revoked").asText(), gpu.path("budget").asText(),
                gpu.path("available").asText());
    }

    /** Each team and panel signs its own acts; the demo keeps their keys in memory, as their own clients would. */
    private final Map<String, SigningKey> keys = new HashMap<>();

    private PublicKeyJwk publicKeyOf(String teamOrPanel) {
        return Dsse.jwkOf(keys.computeIfAbsent(teamOrPanel, k -> SigningKey.generate()).verifyingKey());
    }

    private static String submitterOf(String teamId) {
        return teamId + "-submitter";
    }

    /** POSTs as ACTOR ({@code ROLE:SUBJECT}), with a token from the local issuer. */
    private void post(String actor, String url, Object body) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(actor, url, body);
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private HttpResponse<String> send(String actor, String url, Object body) throws IOException, InterruptedException {
        String[] roleAndSubject = actor.split(":", 2);
        String token = tokens.token(roleAndSubject[0], roleAndSubject[1], Duration.ofMinutes(10));
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).header("Idempotency-Key", UUID.randomUUID().toString())
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.ledgerboard.core.audit;

import org.ledgerboard.core.event.Actor;
import org.ledgerboard.core.event.CompetitionConcluded;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.Criterion;
import org.ledgerboard.core.event.Envelope;
import org.ledgerboard.core.event.EvaluationRecorded;
import org.ledgerboard.core.event.EvaluatorAssigned;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.FundingDisbursed;
import org.ledgerboard.core.event.FundingGranted;
import org.ledgerboard.core.event.FundingRevoked;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.RoundClosed;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.RoundScored;
import org.ledgerboard.core.event.StandingsPublished;
import org.ledgerboard.core.event.SubmissionMade;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.event.TeamSupportEnded;
import org.ledgerboard.core.fairness.EliminationRule;
import org.ledgerboard.core.fairness.RoundScoring;
import org.ledgerboard.core.integrity.Dsse;
import org.ledgerboard.core.integrity.Sealer;
import org.ledgerboard.core.integrity.SigningKey;
import org.ledgerboard.core.integrity.TrustedKeys;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A clean ledger of the founding case's round 1 (Korea's 2025 sovereign-AI programme), as the three services
 * would publish it: the five teams, funding, round 1 with its declared rules, evaluations (illustrative scores),
 * scores by the declared formula, the standings and the elimination the rule gives, and the revocation.
 */
public final class FoundingCompetition {
    public static final String C = "sovereign-ai-2025";
    static final String TEAM = "/team-service";
    static final String EVAL = "/evaluation-service";
    static final String RANK = "/ranking-service";
    static final Instant DEADLINE = Instant.parse("2025-12-30T00:00:00Z");

    static final String ORGANISER = "org-a";

    /** One event as a source publishes it for one of its aggregates, and who acted. */
    public record Step(String source, String aggregate, LedgerEvent event, Actor actor) {
        /** The step taken by the actor entitled to it. */
        Step(String source, String aggregate, LedgerEvent event) {
            this(source, aggregate, event, entitled(event));
        }
    }

    /** Who may take this act in the founding competition: the F8 matrix seen from the writing side. */
    static Actor entitled(LedgerEvent event) {
        if (event instanceof SubmissionMade e) {
            return new Actor(Actor.TEAM, "member-" + e.teamId(), "test");
        } else if (event instanceof EvaluationRecorded e) {
            return new Actor(Actor.EVALUATOR, e.evaluatorId(), "test");
        } else if (event instanceof StandingsPublished || event instanceof TeamEliminated
                || event instanceof CompetitionConcluded) {
            return Actor.service(RANK);
        } else if (event instanceof TeamSupportEnded || event instanceof FundingRevoked) {
            return Actor.service(TEAM);
        }
        return new Actor(Actor.ORGANISER, ORGANISER, "test");
    }

    static final Map<String, String> TEAMS = new LinkedHashMap<>();

    static {
        TEAMS.put("naver-cloud", "네이버클라우드");
        TEAMS.put("upstage", "업스테이지");
        TEAMS.put("sk-telecom", "SK텔레콤");
        TEAMS.put("nc-ai", "엔씨에이아이");
        TEAMS.put("lg-ai-research", "LG AI연구원");
    }

    /** Illustrative scores per team: benchmark, expert, user. */
    private static final Map<String, String[]> SCORES = Map.of(
            "naver-cloud", new String[]{"81", "78", "80"},
            "upstage", new String[]{"84", "80", "77"},
            "sk-telecom", new String[]{"86", "82", "79"},
            "nc-ai", new String[]{"72", "70", "74"},
            "lg-ai-research", new String[]{"88", "85", "81"});

    static RoundOpened round1() {
        return round1(C);
    }

    static RoundOpened round1(String c) {
        return new RoundOpened(c, "r1", 1, DEADLINE, List.of(
                new Criterion("benchmark", new BigDecimal("0.40"), new BigDecimal("100")),
                new Criterion("expert", new BigDecimal("0.35"), new BigDecimal("100")),
                new Criterion("user", new BigDecimal("0.25"), new BigDecimal("100"))),
                2, 1, List.of("criterion:benchmark", "earliestSubmission", "teamId"));
    }

    /** Each team's and evaluator's own signing key, bound at selection and assignment. */
    private static final Map<String, SigningKey> ACTOR_KEYS = new HashMap<>();

    static synchronized SigningKey keyOf(String teamOrEvaluator) {
        return ACTOR_KEYS.computeIfAbsent(teamOrEvaluator, k -> SigningKey.generate());
    }

    static SubmissionMade signed(SubmissionMade s) {
        return new SubmissionMade(s.competitionId(), s.submissionId(), s.roundId(), s.teamId(), s.artifactDigest(),
                s.modelCardUri(), s.submittedAt(), Dsse.sign(keyOf(s.teamId()), Envelope.SUBMISSION, s.signedAct()));
    }

    static EvaluationRecorded signed(EvaluationRecorded e) {
        return new EvaluationRecorded(e.competitionId(), e.roundId(), e.submissionId(), e.evaluatorId(), e.criterion(),
                e.score(), Dsse.sign(keyOf(e.evaluatorId()), Envelope.EVALUATION, e.signedAct()));
    }

    /** The steps of a clean round 1, up to and including the revocation. */
    public static List<Step> steps() {
        return steps(C);
    }

    /** The founding case's first round, as competition {@code c}. */
    public static List<Step> steps(String c) {
        List<Step> steps = new ArrayList<>();
        String evaluation = c + "/evaluation";
        steps.add(new Step(TEAM, c, new CompetitionLaunched(c, "독자 AI 파운데이션 모델", "과학기술정보통신부",
                Map.of("KRW", new BigDecimal("100000000000"), "GPU_HOURS", new BigDecimal("250000")), 2)));
        TEAMS.forEach((id, name) -> steps.add(new Step(TEAM, c, new TeamSelected(c, id, name, name, List.of(name),
                List.of("member-" + id), Dsse.jwkOf(keyOf(id).verifyingKey())))));
        TEAMS.keySet().forEach(id -> steps.add(new Step(TEAM, c,
                new FundingGranted(c, "g-" + id, id, "GPU_HOURS", new BigDecimal("40000"), 1))));
        TEAMS.keySet().forEach(id -> steps.add(new Step(TEAM, c,
                new FundingDisbursed(c, "g-" + id, "d-" + id, new BigDecimal("10000")))));
        RoundOpened round = round1(c);
        steps.add(new Step(EVAL, evaluation, round));
        steps.add(new Step(EVAL, evaluation, new EvaluatorAssigned(c, "r1", "eval-bench", "TTA", List.of("benchmark"),
                Dsse.jwkOf(keyOf("eval-bench").verifyingKey()))));
        steps.add(new Step(EVAL, evaluation, new EvaluatorAssigned(c, "r1", "eval-expert", "NIPA", List.of("expert"),
                Dsse.jwkOf(keyOf("eval-expert").verifyingKey()))));
        steps.add(new Step(EVAL, evaluation, new EvaluatorAssigned(c, "r1", "eval-user", "KISDI", List.of("user"),
                Dsse.jwkOf(keyOf("eval-user").verifyingKey()))));
        Map<String, Instant> submittedAt = new HashMap<>();
        int minute = 0;
        for (String id : TEAMS.keySet()) {
            Instant at = DEADLINE.minusSeconds(3600 - 60L * minute++);
            submittedAt.put(id, at);
            steps.add(new Step(EVAL, evaluation, signed(new SubmissionMade(c, "s-" + id, "r1", id,
                    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "https://example.org/" + id, at))));
        }
        Map<String, List<EvaluationRecorded>> evaluations = new HashMap<>();
        for (String id : TEAMS.keySet()) {
            String[] s = SCORES.get(id);
            List<EvaluationRecorded> mine = List.of(
                    signed(new EvaluationRecorded(c, "r1", "s-" + id, "eval-bench", "benchmark", new BigDecimal(s[0]))),
                    signed(new EvaluationRecorded(c, "r1", "s-" + id, "eval-expert", "expert", new BigDecimal(s[1]))),
                    signed(new EvaluationRecorded(c, "r1", "s-" + id, "eval-user", "user", new BigDecimal(s[2]))));
            evaluations.put(id, mine);
            mine.forEach(e -> steps.add(new Step(EVAL, evaluation, e)));
        }
        List<RoundScored> scores = new ArrayList<>();
        TEAMS.keySet().stream().sorted().forEach(id -> {
            RoundScoring.TeamScore score = RoundScoring.score(round, evaluations.get(id));
            scores.add(new RoundScored(c, "r1", id, score.criterionMeans(), score.total()));
        });
        scores.forEach(s -> steps.add(new Step(EVAL, evaluation, s)));
        steps.add(new Step(EVAL, evaluation, new RoundClosed(c, "r1", scores.stream().map(RoundScored::teamId).toList())));
        EliminationRule.Decision decision = EliminationRule.decide(round, List.copyOf(TEAMS.keySet()), scores,
                submittedAt, 2);
        steps.add(new Step(RANK, c + "/ranking", new StandingsPublished(c, "r1", decision.standings())));
        decision.eliminated().forEach(s -> steps.add(new Step(RANK, c + "/ranking",
                new TeamEliminated(c, "r1", s.teamId(), s.rank(), s.total(), decision.rule()))));
        String out = decision.eliminated().get(0).teamId();
        steps.add(new Step(TEAM, c, new TeamSupportEnded(c, out, "elim-" + out)));
        steps.add(new Step(TEAM, c, new FundingRevoked(c, "g-" + out, new BigDecimal("30000"), "elim-" + out)));
        return steps;
    }

    /** Publishes the steps as records, each source sealing what is new after every tenth step and at the end. */
    public static final class Ledger {
        final Map<String, SigningKey> keys = new LinkedHashMap<>();
        public final List<byte[]> records = new ArrayList<>();
        private final Map<String, Sealer> sealers = new HashMap<>();
        private final Map<String, Long> sequences = new HashMap<>();
        private final Map<String, Long> sealedAt = new HashMap<>();
        private long clock;

        private final String competitionId;

        public Ledger(List<Step> steps) {
            this(C, steps);
        }

        public Ledger(String competitionId, List<Step> steps) {
            this.competitionId = competitionId;
            for (String source : List.of(TEAM, EVAL, RANK)) {
                keys.put(source, SigningKey.generate());
                sealers.put(source, new Sealer(source, keys.get(source)));
            }
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                LedgerRecord record = record(step.source(), step.aggregate(), step.actor(), step.event());
                sealers.get(step.source()).append(record);
                records.add(EventCodec.encode(record));
                if ((i + 1) % 10 == 0) {
                    sealAll();
                }
            }
            sealAll();
        }

        private void sealAll() {
            sealers.forEach((source, sealer) -> {
                var seal = sealer.seal(competitionId);
                if (seal.count() > sealedAt.getOrDefault(source, 0L)) {
                    sealedAt.put(source, seal.count());
                    records.add(EventCodec.encode(record(source, source + "/seals", null, seal)));
                }
            });
        }

        LedgerRecord record(String source, String aggregate, Actor actor, LedgerEvent event) {
            long sequence = sequences.merge(source + aggregate, 1L, Long::sum) - 1;
            return EventCodec.stamp(new LedgerRecord(source.substring(1) + "-" + records.size() + "-" + sequence,
                    source, null, Instant.parse("2025-12-30T09:00:00Z").plusSeconds(clock++), aggregate, sequence,
                    actor, event, null));
        }

        public TrustedKeys trustedKeys() {
            return keys.entrySet().stream().map(e -> TrustedKeys.of(e.getKey(), e.getValue().verifyingKey()))
                    .reduce(new TrustedKeys(List.of()), TrustedKeys::plus);
        }
    }
}

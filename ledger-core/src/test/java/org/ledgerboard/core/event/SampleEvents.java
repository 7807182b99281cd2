package org.ledgerboard.core.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One event of every type, from the founding case (Korea's 2025 sovereign-AI programme); scores are illustrative. */
public final class SampleEvents {
    public static final String COMPETITION = "sovereign-ai-2025";

    private SampleEvents() {
    }

    public static List<LedgerEvent> all() {
        return List.of(
                new CompetitionLaunched(COMPETITION, "독자 AI 파운데이션 모델", "과학기술정보통신부",
                        Map.of("KRW", new BigDecimal("100000000000"), "GPU_HOURS", new BigDecimal("250000.5")), 2),
                new TeamSelected(COMPETITION, "naver-cloud", "네이버클라우드", "Naver Cloud", List.of("Naver Cloud", "KAIST"), List.of("member-naver-cloud")),
                new TeamWithdrew(COMPETITION, "nc-ai", "사업 재편"),
                new TeamSupportEnded(COMPETITION, "nc-ai", "evt-elim-1"),
                new FundingGranted(COMPETITION, "g-1", "upstage", "GPU_HOURS", new BigDecimal("1024.00"), 1),
                new FundingDisbursed(COMPETITION, "g-1", "d-1", new BigDecimal("512")),
                new FundingRevoked(COMPETITION, "g-1", new BigDecimal("512.00"), "evt-elim-1"),
                new RoundOpened(COMPETITION, "r1", 1, Instant.parse("2025-12-30T00:00:00Z"),
                        List.of(new Criterion("benchmark", new BigDecimal("0.40"), new BigDecimal("100")),
                                new Criterion("expert", new BigDecimal("0.35"), new BigDecimal("100")),
                                new Criterion("user", new BigDecimal("0.25"), new BigDecimal("100"))),
                        2, 1, List.of("criterion:benchmark", "earliestSubmission", "teamId")),
                new EvaluatorAssigned(COMPETITION, "r1", "eval-kim", "NIPA", List.of("expert")),
                new SubmissionMade(COMPETITION, "s-1", "r1", "sk-telecom",
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "https://example.org/card",
                        Instant.parse("2025-12-29T10:15:30.123Z")),
                new EvaluationRecorded(COMPETITION, "r1", "s-1", "eval-kim", "expert", new BigDecimal("87.5")),
                new RoundScored(COMPETITION, "r1", "sk-telecom",
                        Map.of("benchmark", new BigDecimal("80.00"), "expert", new BigDecimal("87.50")),
                        new BigDecimal("83.63")),
                new RoundClosed(COMPETITION, "r1", List.of("sk-telecom", "upstage")),
                new StandingsPublished(COMPETITION, "r1", List.of(
                        new Standing("sk-telecom", new BigDecimal("83.63"), 1, true),
                        new Standing("nc-ai", null, 2, false))),
                new TeamEliminated(COMPETITION, "r1", "nc-ai", 5, null, "eliminate lowest 1"),
                new CompetitionConcluded(COMPETITION, List.of("sk-telecom", "lg-ai-research")),
                new OrganiserAppointed(COMPETITION, "nipa-programme-office"),
                new TeamKeyRotated(COMPETITION, "upstage", new PublicKeyJwk("OKP", "Ed25519",
                        "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", null), "scheduled rotation"),
                new EvaluatorKeyRotated(COMPETITION, "r1", "eval-kim", null, "laptop lost"),
                new LedgerSealed(COMPETITION, "/team-service", 3, "00".repeat(32), "kid", "c2ln"));
    }

    public static LedgerRecord record(LedgerEvent event, long sequence) {
        return new LedgerRecord("evt-" + event.getClass().getSimpleName() + "-" + sequence, "/team-service",
                "competitions/" + event.competitionId(), Instant.parse("2025-12-30T09:00:00Z"), COMPETITION,
                sequence, event, null);
    }
}

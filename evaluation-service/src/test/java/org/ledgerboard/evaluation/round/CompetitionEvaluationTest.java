package org.ledgerboard.evaluation.round;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.Criterion;
import org.ledgerboard.core.event.EvaluationRecorded;
import org.ledgerboard.core.event.Envelope;
import org.ledgerboard.core.event.EvaluatorAssigned;
import org.ledgerboard.core.event.EvaluatorKeyRotated;
import org.ledgerboard.core.event.PublicKeyJwk;
import org.ledgerboard.core.event.RoundClosed;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.RoundScored;
import org.ledgerboard.core.event.SignedEvaluation;
import org.ledgerboard.core.event.SubmissionMade;
import org.ledgerboard.core.integrity.Dsse;
import org.ledgerboard.core.integrity.SigningKey;
import org.ledgerboard.service.axon.OncePerRequest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.ledgerboard.testkit.ProblemMatchers.breaks;
import static org.ledgerboard.testkit.ProblemMatchers.invalid;
import static org.ledgerboard.testkit.ProblemMatchers.notEntitled;
import static org.ledgerboard.testkit.ProblemMatchers.status;
import static org.ledgerboard.testkit.ProblemMatchers.unverifiable;

/** The rules of evaluation-service, one per test, as given / when / expect. */
class CompetitionEvaluationTest {
    private static final String C = "sovereign-ai-2025";
    private static final Instant DEADLINE = Instant.parse("2025-12-30T00:00:00Z");
    private static final String DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private AggregateTestFixture<CompetitionEvaluation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CompetitionEvaluation.class);
    }

    private static List<Criterion> criteria() {
        return List.of(new Criterion("benchmark", new BigDecimal("0.40"), new BigDecimal("100")),
                new Criterion("expert", new BigDecimal("0.35"), new BigDecimal("100")),
                new Criterion("user", new BigDecimal("0.25"), new BigDecimal("100")));
    }

    private static RoundOpened opened(String roundId, int number) {
        return new RoundOpened(C, roundId, number, DEADLINE, criteria(), 2, 1, List.of("criterion:benchmark", "teamId"));
    }

    private static OpenRound open(String roundId, int number) {
        return new OpenRound(C, roundId, number, DEADLINE, criteria(), 2, 1, List.of("criterion:benchmark", "teamId"));
    }

    private static EvaluatorAssigned kim() {
        return new EvaluatorAssigned(C, "r1", "kim", "NIPA", List.of("benchmark", "expert", "user"));
    }

    private static SubmissionMade submitted(String submissionId, String teamId) {
        return new SubmissionMade(C, submissionId, "r1", teamId, DIGEST, "https://example.org/" + teamId,
                DEADLINE.minusSeconds(3600));
    }

    private static EvaluationRecorded scored(String submissionId, String criterion, String score) {
        return new EvaluationRecorded(C, "r1", submissionId, "kim", criterion, new BigDecimal(score));
    }

    private static RecordEvaluation evaluate(String evaluator, String criterion, String score, String... organisations) {
        return new RecordEvaluation(C, "r1", "s1", evaluator, criterion, new BigDecimal(score), List.of(organisations),
                null, false); // unsigned, where signatures are optional

    }

    @Test
    void theFirstRoundOpensWithItsDeclaredRules() {
        fixture.givenNoPriorActivity().when(open("r1", 1)).expectEvents(opened("r1", 1));
    }

    @Test
    void roundNumbersStrictlyIncrease() {
        fixture.given(opened("r1", 2), new RoundClosed(C, "r1", List.of()))
                .when(open("r2", 2)).expectNoEvents().expectException(breaks("round-numbers-increase"));
    }

    @Test
    void aRoundOpensOnlyWhenThePreviousOneIsClosed() {
        fixture.given(opened("r1", 1)).when(open("r2", 2)).expectNoEvents().expectException(breaks("previous-round-closed"));
    }

    @Test
    void theNextRoundOpensAfterTheLastClosed() {
        fixture.given(opened("r1", 1), new RoundClosed(C, "r1", List.of()))
                .when(open("r2", 2)).expectEvents(opened("r2", 2));
    }

    @Test
    void anEvaluatorIsAssignedToCriteriaOfTheRound() {
        fixture.given(opened("r1", 1))
                .when(new AssignEvaluator(C, "r1", "kim", "NIPA", List.of("benchmark", "expert", "user"), null))
                .expectEvents(kim());
    }

    @Test
    void anEvaluatorCannotBeGivenACriterionTheRoundLacks() {
        fixture.given(opened("r1", 1))
                .when(new AssignEvaluator(C, "r1", "kim", "NIPA", List.of("style"), null))
                .expectNoEvents().expectException(invalid("criteria"));
    }

    @Test
    void aSubmissionBeforeTheDeadlineIsRecorded() {
        fixture.given(opened("r1", 1))
                .when(new MakeSubmission(C, "r1", "s1", "upstage", DIGEST, "https://example.org/upstage",
                        DEADLINE.minusSeconds(3600), null))
                .expectEvents(submitted("s1", "upstage"));
    }

    @Test
    void aSubmissionAfterTheDeadlineIsRefused() {
        fixture.given(opened("r1", 1))
                .when(new MakeSubmission(C, "r1", "s1", "upstage", DIGEST, "https://x.org", DEADLINE.plusMillis(1), null))
                .expectNoEvents().expectException(breaks("before-deadline"));
    }

    @Test
    void aSubmissionAfterTheRoundClosedIsRefused() {
        fixture.given(opened("r1", 1), new RoundClosed(C, "r1", List.of()))
                .when(new MakeSubmission(C, "r1", "s1", "upstage", DIGEST, "https://x.org", DEADLINE.minusSeconds(1), null))
                .expectNoEvents().expectException(breaks("round-open"));
    }

    @Test
    void aTeamSubmitsOncePerRound() {
        fixture.given(opened("r1", 1), submitted("s1", "upstage"))
                .when(new MakeSubmission(C, "r1", "s2", "upstage", DIGEST, "https://x.org", DEADLINE.minusSeconds(1), null))
                .expectNoEvents().expectException(breaks("one-submission-per-team"));
    }

    @Test
    void anAssignedEvaluatorScoresASubmission() {
        fixture.given(opened("r1", 1), kim(), submitted("s1", "upstage"))
                .when(evaluate("kim", "expert", "87.5", "Upstage", "Flitto"))
                .expectEvents(scored("s1", "expert", "87.5"));
    }

    @Test
    void anUnassignedEvaluatorIsRefused() {
        fixture.given(opened("r1", 1), kim(), submitted("s1", "upstage"))
                .when(evaluate("lee", "expert", "80"))
                .expectNoEvents().expectException(notEntitled("evaluator-assigned"));
    }

    @Test
    void anEvaluatorScoresOnlyTheirCriteria() {
        fixture.given(opened("r1", 1), new EvaluatorAssigned(C, "r1", "lee", "KAIST", List.of("user")),
                        submitted("s1", "upstage"))
                .when(evaluate("lee", "expert", "80"))
                .expectNoEvents().expectException(notEntitled("evaluator-assigned"));
    }

    @Test
    void onlyASubmissionOfThatRoundIsScored() {
        fixture.given(opened("r1", 1), kim())
                .when(evaluate("kim", "expert", "80"))
                .expectNoEvents().expectException(status(404));
    }

    @Test
    void aScoreAboveTheScaleIsInvalid() {
        fixture.given(opened("r1", 1), kim(), submitted("s1", "upstage"))
                .when(evaluate("kim", "expert", "100.01"))
                .expectNoEvents().expectException(invalid("score"));
    }

    @Test
    void anEvaluatorFromTheTeamsConsortiumIsRefused() {
        fixture.given(opened("r1", 1), kim(), submitted("s1", "upstage"))
                .when(evaluate("kim", "expert", "90", "Upstage", "nipa"))
                .expectNoEvents().expectException(breaks("conflict-of-interest"));
    }

    @Test
    void oneEvaluationPerEvaluatorSubmissionAndCriterion() {
        fixture.given(opened("r1", 1), kim(), submitted("s1", "upstage"), scored("s1", "expert", "80"))
                .when(evaluate("kim", "expert", "81"))
                .expectNoEvents().expectException(breaks("one-evaluation-per-criterion"));
    }

    @Test
    void closingScoresEverySubmittingTeamThenClosesTheRound() {
        fixture.given(opened("r1", 1), kim(), submitted("s1", "upstage"), submitted("s2", "lg-ai-research"),
                        scored("s1", "benchmark", "80"), scored("s1", "expert", "90"), scored("s1", "user", "70"),
                        scored("s2", "benchmark", "70"), scored("s2", "expert", "70"), scored("s2", "user", "70"))
                .when(new CloseRound(C, "r1"))
                .expectEvents(
                        new RoundScored(C, "r1", "lg-ai-research", Map.of("benchmark", new BigDecimal("70.00"),
                                "expert", new BigDecimal("70.00"), "user", new BigDecimal("70.00")), new BigDecimal("70.00")),
                        new RoundScored(C, "r1", "upstage", Map.of("benchmark", new BigDecimal("80.00"),
                                "expert", new BigDecimal("90.00"), "user", new BigDecimal("70.00")), new BigDecimal("81.00")),
                        new RoundClosed(C, "r1", List.of("lg-ai-research", "upstage")));
    }

    @Test
    void aMissingCriterionScoreBlocksTheCloseAndIsListed() {
        fixture.given(opened("r1", 1), kim(), submitted("s1", "upstage"), scored("s1", "benchmark", "80"))
                .when(new CloseRound(C, "r1"))
                .expectNoEvents()
                .expectException(breaks("every-criterion-scored"))
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("s1 (team upstage) on expert"),
                        org.hamcrest.Matchers.containsString("s1 (team upstage) on user")));
    }

    @Test
    void aClosedRoundCannotCloseAgain() {
        fixture.given(opened("r1", 1), new RoundClosed(C, "r1", List.of()))
                .when(new CloseRound(C, "r1")).expectNoEvents().expectException(breaks("round-open"));
    }

    @Test
    void aRepeatedEvaluationRequestRecordsNothingAndIsAnsweredWithWhatItRecorded() {
        Map<String, String> request = Map.of(OncePerRequest.REQUEST, "evaluation-1");
        fixture.given(List.of(opened("r1", 1), kim(), submitted("s1", "upstage"),
                        GenericEventMessage.asEventMessage(scored("s1", "benchmark", "80")).andMetaData(request)))
                .when(evaluate("kim", "benchmark", "80", "Upstage"), request)
                .expectNoEvents()
                .expectResultMessagePayload(new OncePerRequest.Recorded(3, null));
    }

    private static final SigningKey FIRST = SigningKey.generate();
    private static final SigningKey SECOND = SigningKey.generate();

    private static EvaluatorAssigned kimWithKey() {
        return new EvaluatorAssigned(C, "r1", "kim", "NIPA", List.of("expert"), Dsse.jwkOf(FIRST.verifyingKey()));
    }

    private static Envelope signedBy(SigningKey key) {
        return Dsse.sign(key, Envelope.EVALUATION, new SignedEvaluation(C, "r1", "s1", "kim", "expert", "87.5"));
    }

    private static RecordEvaluation evaluation(Envelope envelope) {
        return new RecordEvaluation(C, "r1", "s1", "kim", "expert", new BigDecimal("87.5"), List.of("Upstage"),
                envelope, true);
    }

    @Test
    void anAssignedEvaluatorsKeyIsRotated() {
        PublicKeyJwk second = Dsse.jwkOf(SECOND.verifyingKey());
        fixture.given(opened("r1", 1), kimWithKey())
                .when(new RotateEvaluatorKey(C, "r1", "kim", second, "scheduled rotation"))
                .expectEvents(new EvaluatorKeyRotated(C, "r1", "kim", second, "scheduled rotation"));
    }

    @Test
    void onlyAnAssignedEvaluatorsKeyIsRotated() {
        fixture.given(opened("r1", 1))
                .when(new RotateEvaluatorKey(C, "r1", "kim", Dsse.jwkOf(SECOND.verifyingKey()), "rotation"))
                .expectNoEvents().expectException(status(404));
    }

    @Test
    void aRotationMustChangeTheKey() {
        fixture.given(opened("r1", 1), kimWithKey())
                .when(new RotateEvaluatorKey(C, "r1", "kim", Dsse.jwkOf(FIRST.verifyingKey()), "again"))
                .expectNoEvents().expectException(breaks("key-changes"));
    }

    @Test
    void afterARotationTheNewKeySigns() {
        fixture.given(opened("r1", 1), kimWithKey(), submitted("s1", "upstage"),
                        new EvaluatorKeyRotated(C, "r1", "kim", Dsse.jwkOf(SECOND.verifyingKey()), "rotation"))
                .when(evaluation(signedBy(SECOND)))
                .expectEvents(new EvaluationRecorded(C, "r1", "s1", "kim", "expert", new BigDecimal("87.5"),
                        signedBy(SECOND)));
    }

    @Test
    void afterARotationTheReplacedKeyNoLongerSigns() {
        fixture.given(opened("r1", 1), kimWithKey(), submitted("s1", "upstage"),
                        new EvaluatorKeyRotated(C, "r1", "kim", Dsse.jwkOf(SECOND.verifyingKey()), "rotation"))
                .when(evaluation(signedBy(FIRST)))
                .expectNoEvents().expectException(unverifiable("signature-valid"));
    }

    @Test
    void afterARevocationNothingSigns() {
        fixture.given(opened("r1", 1), kimWithKey(), submitted("s1", "upstage"),
                        new EvaluatorKeyRotated(C, "r1", "kim", null, "laptop lost"))
                .when(evaluation(signedBy(FIRST)))
                .expectNoEvents().expectException(unverifiable("signature-valid"));
    }
}

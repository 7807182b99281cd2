package org.ledgerboard.core.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.audit.FoundingCompetition.Ledger;
import org.ledgerboard.core.audit.FoundingCompetition.Step;
import org.ledgerboard.core.canonical.Hashes;
import org.ledgerboard.core.event.Actor;
import org.ledgerboard.core.event.Envelope;
import org.ledgerboard.core.event.EvaluationRecorded;
import org.ledgerboard.core.event.EvaluatorKeyRotated;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.FundingDisbursed;
import org.ledgerboard.core.event.FundingGranted;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.LedgerSealed;
import org.ledgerboard.core.event.OrganiserAppointed;
import org.ledgerboard.core.event.RoundClosed;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.RoundScored;
import org.ledgerboard.core.event.SubmissionMade;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.core.event.TeamKeyRotated;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.event.TeamWithdrew;
import org.ledgerboard.core.integrity.Checkpoint;
import org.ledgerboard.core.integrity.Dsse;
import org.ledgerboard.core.integrity.Finding;
import org.ledgerboard.core.integrity.SealStatement;
import org.ledgerboard.core.integrity.SigningKey;
import org.ledgerboard.core.integrity.TrustedKeys;
import org.ledgerboard.core.merkle.MerkleTree;
import org.ledgerboard.core.view.ViewsFold;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ledgerboard.core.audit.FoundingCompetition.C;
import static org.ledgerboard.core.audit.FoundingCompetition.EVAL;
import static org.ledgerboard.core.audit.FoundingCompetition.TEAM;

/**
 * From a clean ledger of a full round, each kind of tampering or unfair decision is caught by the right check,
 * at the right position.
 */
class TamperSuiteTest {

    private static AuditReport audit(Ledger ledger, List<byte[]> records) {
        Auditor auditor = new Auditor(ledger.trustedKeys());
        for (int i = 0; i < records.size(); i++) {
            auditor.accept(i, records.get(i));
        }
        return auditor.report();
    }

    private static List<String> failed(AuditReport report) {
        return report.verdicts().stream().filter(v -> !v.passed()).map(Verdict::check).toList();
    }

    private static Finding first(AuditReport report, String check) {
        return report.verdicts().stream().filter(v -> v.check().equals(check)).findFirst().orElseThrow().findings().get(0);
    }

    private static int indexOf(List<byte[]> records, Predicate<LedgerRecord> which) {
        for (int i = 0; i < records.size(); i++) {
            if (which.test(EventCodec.decode(records.get(i)))) {
                return i;
            }
        }
        throw new IllegalArgumentException("no such record");
    }

    private static int nextSealOf(List<byte[]> records, String source, int after) {
        return indexOf(records.subList(after + 1, records.size()), r -> r.source().equals(source)
                && r.data() instanceof org.ledgerboard.core.event.LedgerSealed) + after + 1;
    }

    @Test
    void theCleanLedgerPasses() {
        Ledger ledger = new Ledger(FoundingCompetition.steps());

        AuditReport report = audit(ledger, ledger.records);

        assertThat(failed(report)).isEmpty();
        assertThat(report.unsealed()).isEmpty();
        assertThat(report.views().get(0).standings().eliminated()).containsExactly("nc-ai");
    }

    @Test
    void aPayloadByteAlteredFailsIntegrityAtItsPosition() {
        Ledger ledger = new Ledger(FoundingCompetition.steps());
        List<byte[]> records = ledger.records;
        int at = indexOf(records, r -> r.data() instanceof TeamSelected t && t.teamId().equals("upstage"));
        records.set(at, new String(records.get(at), StandardCharsets.UTF_8).replace("업스테이지", "업스테이쥐")
                .getBytes(StandardCharsets.UTF_8));

        AuditReport report = audit(ledger, records);

        assertThat(first(report, "integrity").position()).isEqualTo(at);
        assertThat(first(report, "integrity").check()).isEqualTo("hash");
    }

    @Test
    void aDroppedEventBreaksTheNextSealOfItsSource() {
        Ledger ledger = new Ledger(FoundingCompetition.steps());
        List<byte[]> records = ledger.records;
        int at = indexOf(records, r -> r.data() instanceof FundingGranted);
        int seal = nextSealOf(records, TEAM, at);
        records.remove(at);

        AuditReport report = audit(ledger, records);

        assertThat(first(report, "seals").position()).isEqualTo(seal - 1);
    }

    @Test
    void aSealSignedByAnUntrustedKeyFailsSealsAtItsPositionAndKeepsItsPlaceInTheSealsSequence() {
        Ledger ledger = new Ledger(FoundingCompetition.steps());
        List<byte[]> records = ledger.records;
        int at = nextSealOf(records, TEAM, 0);
        LedgerRecord seal = EventCodec.decode(records.get(at));
        LedgerSealed signed = (LedgerSealed) seal.data();
        LedgerSealed forged = new SealStatement(signed.competitionId(), signed.source(), signed.count(), signed.head())
                .sign(SigningKey.generate());
        records.set(at, EventCodec.encode(EventCodec.stamp(new LedgerRecord(seal.id(), seal.source(), seal.subject(),
                seal.time(), seal.aggregateId(), seal.sequence(), forged, null))));

        AuditReport report = audit(ledger, records);

        assertThat(failed(report)).containsExactly("seals");
        assertThat(first(report, "seals").position()).isEqualTo(at);
        assertThat(first(report, "seals").check()).isEqualTo("seal-key");
    }

    @Test
    void twoEventsOfOneSourceSwappedBreakTheNextSeal() {
        Ledger ledger = new Ledger(FoundingCompetition.steps());
        List<byte[]> records = ledger.records;
        int at = indexOf(records, r -> r.data() instanceof TeamSelected);
        Collections.swap(records, at, at + 1);

        AuditReport report = audit(ledger, records);

        assertThat(failed(report)).contains("seals");
        assertThat(first(report, "seals").position()).isEqualTo(nextSealOf(records, TEAM, at));
    }

    @Test
    void anEventInjectedUnderAServicesNameBreaksItsSeal() {
        Ledger ledger = new Ledger(FoundingCompetition.steps());
        List<byte[]> records = ledger.records;
        int at = indexOf(records, r -> r.data() instanceof FundingDisbursed);
        LedgerRecord forged = EventCodec.stamp(new LedgerRecord("forged-1", TEAM, null,
                java.time.Instant.parse("2025-12-30T10:00:00Z"), C, 99,
                new FundingDisbursed(C, "g-upstage", "d-extra", new BigDecimal("5000")), null));
        records.add(at, EventCodec.encode(forged));

        AuditReport report = audit(ledger, records);

        assertThat(first(report, "seals").position()).isEqualTo(nextSealOf(records, TEAM, at));
    }

    @Test
    void theSameIdWithOtherContentIsAFork() {
        Ledger ledger = new Ledger(FoundingCompetition.steps());
        List<byte[]> records = ledger.records;
        int at = indexOf(records, r -> r.data() instanceof TeamSelected);
        ObjectNode fork = (ObjectNode) EventCodec.parse(records.get(at));
        ((ObjectNode) fork.get("data")).put("name", "someone else");
        fork.put("hash", EventCodec.hashOf(fork));
        records.add(at + 1, fork.toString().getBytes(StandardCharsets.UTF_8));

        AuditReport report = audit(ledger, records);

        assertThat(first(report, "integrity").check()).isEqualTo("fork");
        assertThat(first(report, "integrity").position()).isEqualTo(at + 1);
    }

    @Test
    void aRoundScoreThatDoesNotFollowTheEvaluationsFailsF4() {
        List<Step> steps = FoundingCompetition.steps();
        int at = replace(steps, e -> e instanceof RoundScored s && s.teamId().equals("upstage"), e -> {
            RoundScored s = (RoundScored) e;
            return new RoundScored(C, "r1", s.teamId(), s.criterionMeans(), s.total().add(new BigDecimal("0.01")));
        });
        Ledger ledger = new Ledger(steps);

        AuditReport report = audit(ledger, ledger.records);

        assertThat(failed(report)).contains("F4");
        assertThat(EventCodec.decode(ledger.records.get((int) first(report, "F4").position())).data())
                .isEqualTo(steps.get(at).event());
    }

    @Test
    void anEliminationTheRuleDoesNotGiveFailsF5() {
        List<Step> steps = FoundingCompetition.steps();
        replace(steps, e -> e instanceof TeamEliminated, e -> {
            TeamEliminated t = (TeamEliminated) e;
            return new TeamEliminated(C, "r1", "upstage", 3, new BigDecimal("80.85"), t.rule());
        });

        AuditReport report = audit(new Ledger(steps), new Ledger(steps).records);

        assertThat(failed(report)).contains("F5");
        assertThat(first(report, "F5").message()).contains("upstage");
    }

    @Test
    void aSubmissionAfterTheDeadlineFailsF2() {
        List<Step> steps = FoundingCompetition.steps();
        replace(steps, e -> e instanceof SubmissionMade s && s.teamId().equals("upstage"), e -> {
            SubmissionMade s = (SubmissionMade) e;
            return new SubmissionMade(C, s.submissionId(), "r1", s.teamId(), s.artifactDigest(), s.modelCardUri(),
                    FoundingCompetition.DEADLINE.plusSeconds(1));
        });

        AuditReport report = audit(new Ledger(steps), new Ledger(steps).records);

        assertThat(first(report, "F2").message()).contains("after the deadline");
    }

    @Test
    void aSubmissionByAnEliminatedTeamFailsF2() {
        List<Step> steps = FoundingCompetition.steps();
        steps.add(new Step(EVAL, C + "/evaluation", new SubmissionMade(C, "s-late", "r1", "nc-ai", "0".repeat(64),
                "https://example.org", FoundingCompetition.DEADLINE.minusSeconds(1))));

        AuditReport report = audit(new Ledger(steps), new Ledger(steps).records);

        assertThat(first(report, "F2").message()).contains("nc-ai submitted while not active");
    }

    @Test
    void anEvaluationFromAnUnassignedEvaluatorFailsF3() {
        List<Step> steps = FoundingCompetition.steps();
        replace(steps, e -> e instanceof EvaluationRecorded r && r.criterion().equals("user"), e -> {
            EvaluationRecorded r = (EvaluationRecorded) e;
            return new EvaluationRecorded(C, "r1", r.submissionId(), "eval-bench", "user", r.score());
        });

        AuditReport report = audit(new Ledger(steps), new Ledger(steps).records);

        assertThat(first(report, "F3").message()).contains("not assigned to user");
    }

    @Test
    void anEvaluationFromAConflictedEvaluatorFailsF3() {
        List<Step> steps = FoundingCompetition.steps();
        replace(steps, e -> e instanceof TeamSelected t && t.teamId().equals("upstage"),
                e -> new TeamSelected(C, "upstage", "업스테이지", "Upstage", List.of("Upstage", "TTA"), List.of("member-upstage")));

        AuditReport report = audit(new Ledger(steps), new Ledger(steps).records);

        assertThat(first(report, "F3").message()).contains("eval-bench (TTA) belongs to team upstage");
    }

    @Test
    void fundingOverTheBudgetFailsF6() {
        List<Step> steps = FoundingCompetition.steps();
        steps.add(new Step(TEAM, C, new FundingGranted(C, "g-big", "upstage", "GPU_HOURS", new BigDecimal("100000"), 1)));

        AuditReport report = audit(new Ledger(steps), new Ledger(steps).records);

        assertThat(first(report, "F6").message()).contains("exceeds the budget");
    }

    @Test
    void fundingToAnEliminatedTeamFailsF6() {
        List<Step> steps = FoundingCompetition.steps();
        steps.add(new Step(TEAM, C, new FundingGranted(C, "g-again", "nc-ai", "GPU_HOURS", BigDecimal.ONE, 2)));

        AuditReport report = audit(new Ledger(steps), new Ledger(steps).records);

        assertThat(first(report, "F6").message()).contains("nc-ai, which is not active");
    }

    @Test
    void unrevokedFundingOfAnEliminatedTeamFailsF6() {
        List<Step> steps = FoundingCompetition.steps();
        steps.remove(steps.size() - 1);

        AuditReport report = audit(new Ledger(steps), new Ledger(steps).records);

        assertThat(first(report, "F6").message()).contains("never revoked");
    }

    /** What projections would sign after folding the whole clean ledger, with a given root and digest. */
    private static Checkpoint checkpoint(Ledger ledger, SigningKey projections, boolean rightRoot, boolean rightDigest) {
        MerkleTree tree = new MerkleTree();
        ViewsFold fold = new ViewsFold();
        for (byte[] r : ledger.records) {
            LedgerRecord record = EventCodec.decode(r);
            tree.appendEntry(Hashes.fromHex(record.hash()));
            fold.apply(record.data());
        }
        String root = rightRoot ? Hashes.hex(tree.rootHash()) : "00".repeat(32);
        String digest = rightDigest ? fold.viewsDigest(C) : "11".repeat(32);
        return new Checkpoint(C, tree.size(), root, digest, ledger.records.size() - 1, projections.keyId(),
                projections.signBase64(Checkpoint.statement(C, tree.size(), root, digest)));
    }

    private static AuditReport auditWithCheckpoint(Ledger ledger, SigningKey projections, Checkpoint checkpoint) {
        Auditor auditor = new Auditor(ledger.trustedKeys().plus(TrustedKeys.of(Auditor.PROJECTIONS,
                projections.verifyingKey())));
        auditor.expectCheckpoint(checkpoint);
        for (int i = 0; i < ledger.records.size(); i++) {
            auditor.accept(i, ledger.records.get(i));
        }
        return auditor.report();
    }

    @Test
    void aCheckpointOfTheCleanLedgerAgreesWithTheReplay() {
        Ledger ledger = new Ledger(FoundingCompetition.steps());
        SigningKey projections = SigningKey.generate();

        AuditReport report = auditWithCheckpoint(ledger, projections, checkpoint(ledger, projections, true, true));

        assertThat(failed(report)).isEmpty();
        assertThat(report.verdicts()).anySatisfy(v -> assertThat(v.description()).contains("1 checked"));
    }

    @Test
    void aCheckpointRootThatDisagreesFails() {
        Ledger ledger = new Ledger(FoundingCompetition.steps());
        SigningKey projections = SigningKey.generate();

        AuditReport report = auditWithCheckpoint(ledger, projections, checkpoint(ledger, projections, false, true));

        assertThat(failed(report)).containsExactly("checkpoints");
        assertThat(first(report, "checkpoints").message()).contains("has root");
        assertThat(first(report, "checkpoints").position()).isEqualTo(ledger.records.size() - 1);
    }

    @Test
    void aCheckpointViewsDigestThatDisagreesFails() {
        Ledger ledger = new Ledger(FoundingCompetition.steps());
        SigningKey projections = SigningKey.generate();

        AuditReport report = auditWithCheckpoint(ledger, projections, checkpoint(ledger, projections, true, false));

        assertThat(first(report, "checkpoints").message()).contains("views digest");
    }

    @Test
    void aTeamSelectedTwiceFailsTheIdCheckAtTheSecondSelection() {
        List<Step> steps = FoundingCompetition.steps();
        steps.add(new Step(TEAM, C, new TeamSelected(C, "upstage", "업스테이지", "업스테이지", List.of("업스테이지"), List.of("member-upstage"))));
        Ledger ledger = new Ledger(steps);

        AuditReport report = audit(ledger, ledger.records);

        assertThat(first(report, "ids").message()).isEqualTo("team upstage is recorded a second time");
        assertThat(first(report, "ids").position()).isEqualTo(indexOfLast(ledger.records, TeamSelected.class));
    }

    @Test
    void aDisbursementPaidTwiceFailsTheIdCheck() {
        List<Step> steps = FoundingCompetition.steps();
        steps.add(new Step(TEAM, C, new FundingDisbursed(C, "g-upstage", "d-upstage", new BigDecimal("10000"))));
        Ledger ledger = new Ledger(steps);

        AuditReport report = audit(ledger, ledger.records);

        assertThat(first(report, "ids").message()).isEqualTo("disbursement d-upstage is recorded a second time");
    }

    @Test
    void aGrantRecordedTwiceFailsTheIdCheck() {
        List<Step> steps = FoundingCompetition.steps();
        steps.add(new Step(TEAM, C, new FundingGranted(C, "g-upstage", "upstage", "GPU_HOURS", BigDecimal.ONE, 1)));
        Ledger ledger = new Ledger(steps);

        AuditReport report = audit(ledger, ledger.records);

        assertThat(first(report, "ids").message()).isEqualTo("grant g-upstage is recorded a second time");
    }

    @Test
    void anEvaluationRecordedTwiceFailsTheIdCheck() {
        List<Step> steps = FoundingCompetition.steps();
        int at = replace(steps, e -> e instanceof EvaluationRecorded, e -> e) + 1;
        steps.add(at, steps.get(at - 1));
        Ledger ledger = new Ledger(steps);

        AuditReport report = audit(ledger, ledger.records);

        assertThat(first(report, "ids").message()).startsWith("evaluation of submission ")
                .endsWith(" is recorded a second time");
    }

    @Test
    void aRoundDeclaredAgainWithOtherRulesFailsF1AtTheSecondDeclaration() {
        List<Step> steps = FoundingCompetition.steps();
        RoundOpened first = FoundingCompetition.round1();
        steps.add(new Step(EVAL, C + "/evaluation", new RoundOpened(C, "r1", 1, first.submissionDeadline(),
                first.criteria(), first.decimals(), 2, first.tieBreak())));
        Ledger ledger = new Ledger(steps);

        AuditReport report = audit(ledger, ledger.records);

        assertThat(first(report, "F1").message()).isEqualTo("round r1 was declared again with other rules");
        assertThat(first(report, "F1").position()).isEqualTo(indexOfLast(ledger.records, RoundOpened.class));
    }

    @Test
    void aSubmissionToARoundWhoseRulesWereNeverDeclaredFailsF1() {
        List<Step> steps = FoundingCompetition.steps();
        steps.add(new Step(EVAL, C + "/evaluation", new SubmissionMade(C, "s-r2", "r2", "upstage", "0".repeat(64),
                "https://example.org/r2", java.time.Instant.parse("2026-01-02T00:00:00Z"))));
        Ledger ledger = new Ledger(steps);

        AuditReport report = audit(ledger, ledger.records);

        assertThat(first(report, "F1").message()).isEqualTo("SubmissionMade in round r2 before its rules were declared");
    }

    @Test
    void aRoundClosedWithoutTheScoreOfATeamThatSubmittedFailsF7AtTheClose() {
        List<Step> steps = FoundingCompetition.steps();
        steps.removeIf(step -> step.event() instanceof RoundScored scored && scored.teamId().equals("upstage"));
        Ledger ledger = new Ledger(steps);

        AuditReport report = audit(ledger, ledger.records);

        assertThat(first(report, "F7").message()).startsWith("round r1 closed with");
        assertThat(first(report, "F7").position()).isEqualTo(indexOfLast(ledger.records, RoundClosed.class));
    }

    @Test
    void aGapInAnAggregatesSequenceFailsSequencesAtTheRecordAfterIt() {
        Ledger ledger = new Ledger(FoundingCompetition.steps());
        ledger.record(TEAM, C, FoundingCompetition.entitled(null), new TeamWithdrew(C, "upstage", "never published")); // takes a sequence number
        LedgerRecord after = ledger.record(TEAM, C, FoundingCompetition.entitled(null),
                new TeamWithdrew(C, "lg-ai-research", "published"));
        ledger.records.add(EventCodec.encode(after));

        AuditReport report = audit(ledger, ledger.records);

        assertThat(failed(report)).contains("sequences");
        assertThat(first(report, "sequences").position()).isEqualTo(ledger.records.size() - 1);
        assertThat(first(report, "sequences").message()).contains("has sequence " + after.sequence()
                + " where " + (after.sequence() - 1) + " comes next");
    }

    private static int indexOfLast(List<byte[]> records, Class<?> type) {
        for (int i = records.size() - 1; i >= 0; i--) {
            if (type.isInstance(EventCodec.decode(records.get(i)).data())) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + type.getSimpleName());
    }

    @Test
    void aCheckpointNotSignedByProjectionsFails() {
        Ledger ledger = new Ledger(FoundingCompetition.steps());
        Checkpoint forged = checkpoint(ledger, SigningKey.generate(), true, true);

        AuditReport report = auditWithCheckpoint(ledger, SigningKey.generate(), forged);

        assertThat(first(report, "checkpoints").message()).contains("not signed");
    }

    @Test
    void anOrganiserAppointedByAnOrganiserMayActButOneWhoAppointedThemselvesMayNot() {
        Actor second = new Actor(Actor.ORGANISER, "org-b", "test");
        List<Step> appointed = FoundingCompetition.steps();
        appointed.add(1, new Step(TEAM, C, new OrganiserAppointed(C, "org-b")));
        appointed.add(new Step(TEAM, C, new FundingGranted(C, "g-more", "upstage", "GPU_HOURS", BigDecimal.ONE, 1), second));
        Ledger fine = new Ledger(appointed);
        List<Step> selfAppointed = FoundingCompetition.steps();
        selfAppointed.add(1, new Step(TEAM, C, new OrganiserAppointed(C, "org-b"), second));
        Ledger forged = new Ledger(selfAppointed);

        assertThat(failed(audit(fine, fine.records))).isEmpty();
        AuditReport report = audit(forged, forged.records);
        assertThat(failed(report)).containsExactly("F8");
        assertThat(first(report, "F8").message()).contains("OrganiserAppointed by organiser:org-b");
    }

    @Test
    void aScoreChangedByAForgingOperatorFailsF9AtItsPositionNamingTheEvaluator() {
        Predicate<Object> evaluation = e -> e instanceof EvaluationRecorded r && r.submissionId().equals("s-nc-ai")
                && r.criterion().equals("expert");
        List<Step> steps = FoundingCompetition.steps();
        // the operator rewrites the score but keeps the evaluator's envelope; the ledger builder re-hashes,
        // re-chains and re-seals it with the service's own key, so integrity and seals pass
        replace(steps, evaluation, e -> {
            EvaluationRecorded r = (EvaluationRecorded) e;
            return new EvaluationRecorded(C, r.roundId(), r.submissionId(), r.evaluatorId(), r.criterion(),
                    new BigDecimal("99"), r.envelope());
        });
        Ledger ledger = new Ledger(steps);

        AuditReport report = audit(ledger, ledger.records);

        assertThat(failed(report)).contains("F9").doesNotContain("integrity", "seals");
        assertThat(first(report, "F9").position()).isEqualTo(indexOf(ledger.records, r -> evaluation.test(r.data())));
        assertThat(first(report, "F9").message()).contains("evaluator eval-expert", "differs from what");
    }

    @Test
    void anEnvelopeSignedByAnUnboundKeyFailsF9() {
        Predicate<Object> submission = e -> e instanceof SubmissionMade m && m.teamId().equals("upstage");
        List<Step> steps = FoundingCompetition.steps();
        replace(steps, submission, e -> {
            SubmissionMade m = (SubmissionMade) e;
            return new SubmissionMade(C, m.submissionId(), m.roundId(), m.teamId(), m.artifactDigest(),
                    m.modelCardUri(), m.submittedAt(), Dsse.sign(SigningKey.generate(), Envelope.SUBMISSION,
                    m.signedAct()));
        });
        Ledger ledger = new Ledger(steps);

        AuditReport report = audit(ledger, ledger.records);

        assertThat(failed(report)).containsExactly("F9");
        assertThat(first(report, "F9").position()).isEqualTo(indexOf(ledger.records, r -> submission.test(r.data())));
        assertThat(first(report, "F9").message()).contains("does not verify with the key bound to team upstage");
    }

    @Test
    void anUnsignedEvaluationUnderRequiredSignaturesFailsF9() {
        Predicate<Object> evaluation = e -> e instanceof EvaluationRecorded r && r.submissionId().equals("s-upstage")
                && r.criterion().equals("user");
        List<Step> steps = FoundingCompetition.steps();
        replace(steps, evaluation, e -> {
            EvaluationRecorded r = (EvaluationRecorded) e;
            return new EvaluationRecorded(C, r.roundId(), r.submissionId(), r.evaluatorId(), r.criterion(), r.score());
        });
        Ledger ledger = new Ledger(steps);

        AuditReport report = audit(ledger, ledger.records);

        assertThat(failed(report)).containsExactly("F9");
        assertThat(first(report, "F9").message()).contains("unsigned", "requires signatures");
    }

    private static int indexOfStep(List<Step> steps, Predicate<Object> which) {
        for (int i = 0; i < steps.size(); i++) {
            if (which.test(steps.get(i).event())) {
                return i;
            }
        }
        throw new IllegalArgumentException("no such step");
    }

    /** The founding round with upstage's key rotated before the submissions, its submission signed by {@code signer}. */
    private static List<Step> upstageRotatedAndSignedBy(SigningKey rotated, SigningKey signer) {
        Predicate<Object> submission = e -> e instanceof SubmissionMade m && m.teamId().equals("upstage");
        List<Step> steps = FoundingCompetition.steps();
        steps.add(indexOfStep(steps, e -> e instanceof SubmissionMade), new Step(TEAM, C,
                new TeamKeyRotated(C, "upstage", Dsse.jwkOf(rotated.verifyingKey()), "scheduled rotation")));
        replace(steps, submission, e -> {
            SubmissionMade m = (SubmissionMade) e;
            return new SubmissionMade(C, m.submissionId(), m.roundId(), m.teamId(), m.artifactDigest(),
                    m.modelCardUri(), m.submittedAt(), Dsse.sign(signer, Envelope.SUBMISSION, m.signedAct()));
        });
        return steps;
    }

    @Test
    void aRotatedKeySignsFromItsRotationOn() {
        SigningKey rotated = SigningKey.generate();
        Ledger ledger = new Ledger(upstageRotatedAndSignedBy(rotated, rotated));

        assertThat(failed(audit(ledger, ledger.records))).isEmpty();
    }

    @Test
    void theKeyARotationReplacedNoLongerSignsFailingF9() {
        Ledger ledger = new Ledger(upstageRotatedAndSignedBy(SigningKey.generate(), FoundingCompetition.keyOf("upstage")));

        AuditReport report = audit(ledger, ledger.records);

        assertThat(failed(report)).containsExactly("F9");
        assertThat(first(report, "F9").position()).isEqualTo(indexOf(ledger.records,
                r -> r.data() instanceof SubmissionMade m && m.teamId().equals("upstage")));
        assertThat(first(report, "F9").message()).contains("does not verify with the key bound to team upstage");
    }

    @Test
    void whatARevokedKeySignedBeforeStaysValidButNothingAfterFailingF9() {
        List<Step> steps = FoundingCompetition.steps();
        int firstUserScore = indexOfStep(steps, e -> e instanceof EvaluationRecorded r && r.evaluatorId().equals("eval-user"));
        steps.add(firstUserScore + 1, new Step(EVAL, C + "/evaluation",
                new EvaluatorKeyRotated(C, "r1", "eval-user", null, "laptop lost")));
        Ledger ledger = new Ledger(steps);

        AuditReport report = audit(ledger, ledger.records);

        assertThat(failed(report)).containsExactly("F9");
        Finding finding = first(report, "F9");
        assertThat(finding.position()).isGreaterThan(indexOf(ledger.records, r -> r.data() instanceof EvaluatorKeyRotated));
        assertThat(EventCodec.decode(ledger.records.get((int) finding.position())).data())
                .isInstanceOfSatisfying(EvaluationRecorded.class, e -> assertThat(e.evaluatorId()).isEqualTo("eval-user"));
        assertThat(finding.message()).contains("evaluator eval-user has no key bound at this point");
    }

    @Test
    void aKeyRotatedByANonOrganiserFailsF8() {
        SigningKey upstage = FoundingCompetition.keyOf("upstage");
        Ledger ledger = new Ledger(takenBy(upstageRotatedAndSignedBy(upstage, upstage), e -> e instanceof TeamKeyRotated,
                new Actor(Actor.TEAM, "member-upstage", "test")));

        AuditReport report = audit(ledger, ledger.records);

        assertThat(failed(report)).containsExactly("F8");
        assertThat(first(report, "F8").message()).contains("TeamKeyRotated by team:member-upstage", "not an organiser");
    }

    @Test
    void aKeyRotatedForATeamNeverSelectedFailsF9() {
        List<Step> steps = FoundingCompetition.steps();
        steps.add(new Step(TEAM, C, new TeamKeyRotated(C, "ghost", null, "revoked")));
        Ledger ledger = new Ledger(steps);

        AuditReport report = audit(ledger, ledger.records);

        assertThat(failed(report)).containsExactly("F9");
        assertThat(first(report, "F9").message()).contains("team ghost, which was never selected");
    }

    /** The steps with the one matching {@code which} taken by {@code actor} instead of the entitled one. */
    private static List<Step> takenBy(Predicate<Object> which, Actor actor) {
        return takenBy(FoundingCompetition.steps(), which, actor);
    }

    private static List<Step> takenBy(List<Step> steps, Predicate<Object> which, Actor actor) {
        int at = indexOfStep(steps, which);
        Step s = steps.get(at);
        steps.set(at, new Step(s.source(), s.aggregate(), s.event(), actor));
        return steps;
    }

    @Test
    void aGrantByANonOrganiserFailsF8AtItsPosition() {
        Predicate<Object> grant = e -> e instanceof FundingGranted g && g.grantId().equals("g-upstage");
        Ledger ledger = new Ledger(takenBy(grant, new Actor(Actor.ORGANISER, "org-b", "test")));

        AuditReport report = audit(ledger, ledger.records);

        assertThat(failed(report)).containsExactly("F8");
        assertThat(first(report, "F8").position()).isEqualTo(indexOf(ledger.records, r -> grant.test(r.data())));
        assertThat(first(report, "F8").message()).contains("organiser:org-b", "not an organiser");
    }

    @Test
    void anEvaluationByAnUnassignedSubjectFailsF8AtItsPosition() {
        Predicate<Object> evaluation = e -> e instanceof EvaluationRecorded r && r.submissionId().equals("s-upstage")
                && r.criterion().equals("expert");
        Ledger ledger = new Ledger(takenBy(evaluation, new Actor(Actor.EVALUATOR, "eval-intruder", "test")));

        AuditReport report = audit(ledger, ledger.records);

        assertThat(failed(report)).containsExactly("F8");
        assertThat(first(report, "F8").position()).isEqualTo(indexOf(ledger.records, r -> evaluation.test(r.data())));
        assertThat(first(report, "F8").message()).contains("evaluator:eval-intruder");
    }

    @Test
    void aSubmissionByAnotherTeamsMemberFailsF8AtItsPosition() {
        Predicate<Object> submission = e -> e instanceof SubmissionMade m && m.teamId().equals("upstage");
        Ledger ledger = new Ledger(takenBy(submission, new Actor(Actor.TEAM, "member-nc-ai", "test")));

        AuditReport report = audit(ledger, ledger.records);

        assertThat(failed(report)).containsExactly("F8");
        assertThat(first(report, "F8").position()).isEqualTo(indexOf(ledger.records, r -> submission.test(r.data())));
        assertThat(first(report, "F8").message()).contains("not a member of team upstage");
    }

    @Test
    void anEliminationRecordedByAnOrganiserFailsF8() {
        Ledger ledger = new Ledger(takenBy(e -> e instanceof TeamEliminated,
                new Actor(Actor.ORGANISER, FoundingCompetition.ORGANISER, "test")));

        AuditReport report = audit(ledger, ledger.records);

        assertThat(first(report, "F8").message()).contains("only /ranking-service decides rankings");
    }

    private static int replace(List<Step> steps, Predicate<Object> which,
                               java.util.function.UnaryOperator<org.ledgerboard.core.event.LedgerEvent> change) {
        int at = indexOfStep(steps, which);
        Step s = steps.get(at);
        steps.set(at, new Step(s.source(), s.aggregate(), change.apply(s.event())));
        return at;
    }
}

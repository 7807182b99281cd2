package org.ledgerboard.evaluation.round;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.ledgerboard.core.event.EvaluationRecorded;
import org.ledgerboard.core.event.EvaluatorAssigned;
import org.ledgerboard.core.event.EvaluatorKeyRotated;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.PublicKeyJwk;
import org.ledgerboard.core.event.RoundClosed;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.RoundScored;
import org.ledgerboard.core.event.SignedEvaluation;
import org.ledgerboard.core.event.SubmissionMade;
import org.ledgerboard.core.fairness.RoundScoring;
import org.ledgerboard.core.fairness.SignedActs;
import org.ledgerboard.core.integrity.Dsse;
import org.ledgerboard.service.api.ProblemException;
import org.ledgerboard.service.axon.OncePerRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The evaluation of one competition: its rounds, evaluators, submissions, evaluations and round scores. One
 * aggregate per competition, because round rules span rounds (numbers increase, one open at a time).
 */
public class CompetitionEvaluation extends OncePerRequest {
    @AggregateIdentifier
    private String evaluationId;
    private String competitionId;
    private final EvaluationState state = new EvaluationState();

    protected CompetitionEvaluation() {
        // rebuilt from its events by Axon
    }

    /** The aggregate id of a competition's evaluation; distinct from team-service's competition aggregate. */
    public static String idOf(String competitionId) {
        return competitionId + "/evaluation";
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenRound command) {
        if (state.round(command.roundId()) != null) {
            throw ProblemException.ruleBroken("round-id-unique", "round " + command.roundId() + " already exists");
        }
        EvaluationState.Round latest = state.latest();
        if (latest != null && command.number() <= latest.opened().number()) {
            throw ProblemException.ruleBroken("round-numbers-increase", "round number " + command.number()
                    + " must be greater than " + latest.opened().number());
        }
        if (latest != null && !latest.isClosed()) {
            throw ProblemException.ruleBroken("previous-round-closed", "round " + latest.opened().roundId()
                    + " is still open; close it first");
        }
        apply(new RoundOpened(command.competitionId(), command.roundId(), command.number(),
                command.submissionDeadline(), command.criteria(), command.decimals(), command.eliminate(),
                command.tieBreak()));
    }

    @CommandHandler
    void handle(AssignEvaluator command) {
        EvaluationState.Round round = openRound(command.roundId());
        if (round.evaluators().containsKey(command.evaluatorId())) {
            throw ProblemException.ruleBroken("evaluator-id-unique", "evaluator " + command.evaluatorId()
                    + " is already assigned to round " + command.roundId());
        }
        for (String criterion : command.criteria()) {
            if (round.opened().criteria().stream().noneMatch(c -> c.name().equals(criterion))) {
                throw ProblemException.invalid("criteria", "round " + command.roundId() + " has no criterion "
                        + criterion);
            }
        }
        apply(new EvaluatorAssigned(competitionId, command.roundId(), command.evaluatorId(), command.affiliation(),
                command.criteria(), command.publicKey()));
    }

    /** From this point of the log only the new key signs the evaluator's scores in the round. */
    @CommandHandler
    void handle(RotateEvaluatorKey command) {
        EvaluationState.Round round = openRound(command.roundId());
        if (!round.evaluators().containsKey(command.evaluatorId())) {
            throw ProblemException.notFound("evaluator " + command.evaluatorId() + " is not assigned to round "
                    + command.roundId());
        }
        if (Objects.equals(command.publicKey(), round.keyOf(command.evaluatorId()))) {
            throw ProblemException.ruleBroken("key-changes", command.publicKey() == null
                    ? "evaluator " + command.evaluatorId() + " has no bound key to revoke"
                    : "that key is already bound to evaluator " + command.evaluatorId());
        }
        apply(new EvaluatorKeyRotated(competitionId, command.roundId(), command.evaluatorId(), command.publicKey(),
                command.reason()));
    }

    @CommandHandler
    void handle(MakeSubmission command) {
        EvaluationState.Round round = openRound(command.roundId());
        if (command.submittedAt().isAfter(round.opened().submissionDeadline())) {
            throw ProblemException.ruleBroken("before-deadline", "round " + command.roundId()
                    + " closed for submissions at " + round.opened().submissionDeadline());
        }
        if (round.submissions().containsKey(command.submissionId())) {
            throw ProblemException.ruleBroken("submission-id-unique", "submission " + command.submissionId()
                    + " already exists");
        }
        if (round.hasSubmissionFrom(command.teamId())) {
            throw ProblemException.ruleBroken("one-submission-per-team", "team " + command.teamId()
                    + " already submitted to round " + command.roundId());
        }
        apply(new SubmissionMade(competitionId, command.submissionId(), command.roundId(), command.teamId(),
                command.artifactDigest(), command.modelCardUri(), command.submittedAt(), command.envelope()));
    }

    @CommandHandler
    void handle(RecordEvaluation command) {
        EvaluationState.Round round = openRound(command.roundId());
        SubmissionMade submission = round.submissions().get(command.submissionId());
        if (submission == null) {
            throw ProblemException.notFound("no submission " + command.submissionId() + " in round " + command.roundId());
        }
        EvaluatorAssigned evaluator = round.evaluators().get(command.evaluatorId());
        if (evaluator == null || !evaluator.criteria().contains(command.criterion())) {
            throw ProblemException.notEntitled("evaluator-assigned", "evaluator " + command.evaluatorId()
                    + " is not assigned to criterion " + command.criterion() + " in round " + command.roundId());
        }
        var criterion = round.opened().criteria().stream().filter(c -> c.name().equals(command.criterion()))
                .findFirst().orElseThrow();
        if (command.score().signum() < 0 || command.score().compareTo(criterion.maxScore()) > 0) {
            throw ProblemException.invalid("score", "score must be between 0 and " + criterion.maxScore()
                    + " for " + criterion.name() + ", got " + command.score());
        }
        String affiliation = evaluator.affiliation().trim().toLowerCase(Locale.ROOT);
        if (command.teamOrganisations().stream().anyMatch(o -> o.trim().toLowerCase(Locale.ROOT).equals(affiliation))) {
            throw ProblemException.ruleBroken("conflict-of-interest", "evaluator " + command.evaluatorId() + " ("
                    + evaluator.affiliation() + ") belongs to team " + submission.teamId() + "'s consortium");
        }
        boolean already = round.evaluationsOf(command.submissionId()).stream().anyMatch(e ->
                e.evaluatorId().equals(command.evaluatorId()) && e.criterion().equals(command.criterion()));
        if (already) {
            throw ProblemException.ruleBroken("one-evaluation-per-criterion", "evaluator " + command.evaluatorId()
                    + " already scored " + command.criterion() + " for submission " + command.submissionId());
        }
        EvaluationRecorded recorded = new EvaluationRecorded(competitionId, command.roundId(), command.submissionId(),
                command.evaluatorId(), command.criterion(), command.score(), command.envelope());
        requireSignedByTheEvaluator(recorded, round.keyOf(command.evaluatorId()), command.signaturesRequired());
        apply(recorded);
    }

    /** The evaluation is signed, where required, by the key bound to its evaluator now, over exactly this act. */
    private static void requireSignedByTheEvaluator(EvaluationRecorded evaluation, PublicKeyJwk key, boolean required) {
        if (evaluation.envelope() == null) {
            if (required) {
                throw ProblemException.unverifiable("signature-required", "competition " + evaluation.competitionId()
                        + " requires evaluations as DSSE envelopes signed by the evaluator's bound key");
            }
            return;
        }
        if (key == null) {
            throw ProblemException.unverifiable("signature-valid", "evaluator " + evaluation.evaluatorId()
                    + " has no bound key to sign with (none, or revoked)");
        }
        byte[] payload = Dsse.verifiedPayload(evaluation.envelope(), key).orElseThrow(() ->
                ProblemException.unverifiable("signature-valid", "the envelope's signature does not verify with "
                        + "the key bound to evaluator " + evaluation.evaluatorId()));
        if (!evaluation.signedAct().equals(SignedActs.read(payload, SignedEvaluation.class))) {
            throw ProblemException.unverifiable("signed-act-matches", "the signed payload is not this evaluation");
        }
    }

    /** Scores every submitting team with the declared formula, then closes the round. */
    @CommandHandler
    void handle(CloseRound command) {
        EvaluationState.Round round = openRound(command.roundId());
        List<SubmissionMade> submissions = round.submissions().values().stream()
                .sorted(Comparator.comparing(SubmissionMade::teamId)).toList();
        List<RoundScoring.Missing> missing = new ArrayList<>();
        submissions.forEach(s -> missing.addAll(RoundScoring.missing(round.opened(), s.submissionId(),
                round.evaluationsOf(s.submissionId()))));
        if (!missing.isEmpty()) {
            throw ProblemException.ruleBroken("every-criterion-scored", "cannot close round " + command.roundId()
                    + ": no evaluation yet for " + missing.stream()
                    .map(m -> m.submissionId() + " (team " + round.submissions().get(m.submissionId()).teamId()
                            + ") on " + m.criterion()).toList());
        }
        for (SubmissionMade submission : submissions) {
            RoundScoring.TeamScore score = RoundScoring.score(round.opened(), round.evaluationsOf(submission.submissionId()));
            apply(new RoundScored(competitionId, command.roundId(), submission.teamId(), score.criterionMeans(),
                    score.total()));
        }
        apply(new RoundClosed(competitionId, command.roundId(), submissions.stream().map(SubmissionMade::teamId).toList()));
    }

    @EventSourcingHandler
    void on(LedgerEvent event, DomainEventMessage<?> message) {
        remember(message);
        if (evaluationId == null) {
            competitionId = event.competitionId();
            evaluationId = idOf(competitionId);
        }
        state.apply(event);
    }

    private EvaluationState.Round openRound(String roundId) {
        EvaluationState.Round round = state.round(roundId);
        if (round == null) {
            throw ProblemException.notFound("no round " + roundId + " in competition " + competitionId);
        }
        if (round.isClosed()) {
            throw ProblemException.ruleBroken("round-open", "round " + roundId + " is closed");
        }
        return round;
    }
}

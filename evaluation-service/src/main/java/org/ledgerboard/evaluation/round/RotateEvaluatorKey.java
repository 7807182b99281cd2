package org.ledgerboard.evaluation.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ledgerboard.core.event.PublicKeyJwk;

/** Binds a new signing key to an evaluator of a round, or revokes its key when {@code publicKey} is null. */
public record RotateEvaluatorKey(String competitionId, String roundId, String evaluatorId, PublicKeyJwk publicKey,
                                 String reason) {
    @TargetAggregateIdentifier
    public String evaluationId() {
        return CompetitionEvaluation.idOf(competitionId);
    }
}

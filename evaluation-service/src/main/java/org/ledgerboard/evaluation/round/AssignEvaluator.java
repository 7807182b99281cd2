package org.ledgerboard.evaluation.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ledgerboard.core.event.PublicKeyJwk;

import java.util.List;

public record AssignEvaluator(String competitionId, String roundId, String evaluatorId, String affiliation,
                              List<String> criteria, PublicKeyJwk publicKey) {
    @TargetAggregateIdentifier
    public String evaluationId() {
        return CompetitionEvaluation.idOf(competitionId);
    }
}

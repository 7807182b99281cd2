package org.ledgerboard.evaluation.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CloseRound(String competitionId, String roundId) {
    @TargetAggregateIdentifier
    public String evaluationId() {
        return CompetitionEvaluation.idOf(competitionId);
    }
}

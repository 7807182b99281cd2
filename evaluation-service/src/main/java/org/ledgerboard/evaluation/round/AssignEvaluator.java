package org.ledgerboard.evaluation.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

public record AssignEvaluator(String competitionId, String roundId, String evaluatorId, String affiliation,
                              List<String> criteria) {
    @TargetAggregateIdentifier
    public String evaluationId() {
        return CompetitionEvaluation.idOf(competitionId);
    }
}

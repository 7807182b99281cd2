package org.ledgerboard.evaluation.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import org.ledgerboard.core.event.Criterion;

public record OpenRound(String competitionId, String roundId, int number, Instant submissionDeadline,
                        List<Criterion> criteria, int decimals, int eliminate, List<String> tieBreak) {
    @TargetAggregateIdentifier
    public String evaluationId() {
        return CompetitionEvaluation.idOf(competitionId);
    }
}

package org.ledgerboard.evaluation.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.List;

/** An evaluator's score; {@code teamOrganisations} are the team's lead and consortium as team-service reports them. */
public record RecordEvaluation(String competitionId, String roundId, String submissionId, String evaluatorId,
                               String criterion, BigDecimal score, List<String> teamOrganisations) {
    @TargetAggregateIdentifier
    public String evaluationId() {
        return CompetitionEvaluation.idOf(competitionId);
    }
}

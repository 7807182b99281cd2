package org.ledgerboard.evaluation.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ledgerboard.core.event.Envelope;

import java.math.BigDecimal;
import java.util.List;

/**
 * An evaluator's score; {@code teamOrganisations} are the team's lead and consortium as team-service reports them;
 * {@code envelope} is the evaluator's DSSE signature of it (or null), {@code signaturesRequired} the competition's
 * declared policy.
 */
public record RecordEvaluation(String competitionId, String roundId, String submissionId, String evaluatorId,
                               String criterion, BigDecimal score, List<String> teamOrganisations, Envelope envelope,
                               boolean signaturesRequired) {
    @TargetAggregateIdentifier
    public String evaluationId() {
        return CompetitionEvaluation.idOf(competitionId);
    }
}

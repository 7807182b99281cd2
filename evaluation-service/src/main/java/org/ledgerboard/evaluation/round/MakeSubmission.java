package org.ledgerboard.evaluation.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record MakeSubmission(String competitionId, String roundId, String submissionId, String teamId,
                             String artifactDigest, String modelCardUri, Instant submittedAt) {
    @TargetAggregateIdentifier
    public String evaluationId() {
        return CompetitionEvaluation.idOf(competitionId);
    }
}

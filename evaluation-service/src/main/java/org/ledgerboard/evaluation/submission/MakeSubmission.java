package org.ledgerboard.evaluation.submission;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ledgerboard.evaluation.round.CompetitionEvaluation;

import java.time.Instant;

public record MakeSubmission(String competitionId, String roundId, String submissionId, String teamId,
                             String artifactDigest, String modelCardUri, Instant submittedAt) {
    @TargetAggregateIdentifier
    public String evaluationId() {
        return CompetitionEvaluation.idOf(competitionId);
    }
}

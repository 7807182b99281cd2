package org.ledgerboard.evaluation.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ledgerboard.core.event.Envelope;

import java.time.Instant;

/** A submission; {@code envelope} is the team's DSSE signature of it, verified against its bound key, or null. */
public record MakeSubmission(String competitionId, String roundId, String submissionId, String teamId,
                             String artifactDigest, String modelCardUri, Instant submittedAt, Envelope envelope) {
    @TargetAggregateIdentifier
    public String evaluationId() {
        return CompetitionEvaluation.idOf(competitionId);
    }
}

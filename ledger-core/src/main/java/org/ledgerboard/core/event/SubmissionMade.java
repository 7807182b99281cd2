package org.ledgerboard.core.event;

import java.time.Instant;

/** A team submitted a model to a round; the artifact digest is the lowercase hex SHA-256 of the model. */
public record SubmissionMade(String competitionId, String submissionId, String roundId, String teamId,
                             String artifactDigest, String modelCardUri, Instant submittedAt)
        implements LedgerEvent {
}

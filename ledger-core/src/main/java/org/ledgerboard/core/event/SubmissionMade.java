package org.ledgerboard.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A team submitted a model to a round; the artifact digest is the lowercase hex SHA-256 of the model; the
 * envelope, when present, is the team's own DSSE signature of {@link #signedAct()}.
 */
public record SubmissionMade(String competitionId, String submissionId, String roundId, String teamId,
                             String artifactDigest, String modelCardUri, Instant submittedAt,
                             @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Envelope envelope) implements LedgerEvent {

    /** An unsigned submission (allowed only where signatures are optional). */
    public SubmissionMade(String competitionId, String submissionId, String roundId, String teamId,
                          String artifactDigest, String modelCardUri, Instant submittedAt) {
        this(competitionId, submissionId, roundId, teamId, artifactDigest, modelCardUri, submittedAt, null);
    }

    /** What the team signs: the act without the service's receipt time. */
    public SignedSubmission signedAct() {
        return new SignedSubmission(competitionId, roundId, submissionId, teamId, artifactDigest, modelCardUri);
    }
}

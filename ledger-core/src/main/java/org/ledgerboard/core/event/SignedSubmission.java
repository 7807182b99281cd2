package org.ledgerboard.core.event;

/** The payload a team signs for a submission: the request with the competition and round it is for. */
public record SignedSubmission(String competitionId, String roundId, String submissionId, String teamId,
                               String artifactDigest, String modelCardUri) implements SignedAct {
}

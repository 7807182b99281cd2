package org.ledgerboard.core.event;

/** The payload an evaluator signs: the request with the competition and round it is for; the score as written. */
public record SignedEvaluation(String competitionId, String roundId, String submissionId, String evaluatorId,
                               String criterion, String score) implements SignedAct {
}

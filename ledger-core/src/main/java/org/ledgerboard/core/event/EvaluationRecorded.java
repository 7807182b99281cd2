package org.ledgerboard.core.event;

import java.math.BigDecimal;

/** An evaluator scored one submission on one criterion. */
public record EvaluationRecorded(String competitionId, String roundId, String submissionId, String evaluatorId,
                                 String criterion, BigDecimal score) implements LedgerEvent {
}

package org.ledgerboard.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/** An evaluator scored one submission on one criterion; the envelope, when present, is its own DSSE signature. */
public record EvaluationRecorded(String competitionId, String roundId, String submissionId, String evaluatorId,
                                 String criterion, BigDecimal score,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Envelope envelope)
        implements LedgerEvent {

    /** An unsigned evaluation (allowed only where signatures are optional). */
    public EvaluationRecorded(String competitionId, String roundId, String submissionId, String evaluatorId,
                              String criterion, BigDecimal score) {
        this(competitionId, roundId, submissionId, evaluatorId, criterion, score, null);
    }

    /** What the evaluator signs. */
    public SignedEvaluation signedAct() {
        return new SignedEvaluation(competitionId, roundId, submissionId, evaluatorId, criterion, score.toPlainString());
    }
}

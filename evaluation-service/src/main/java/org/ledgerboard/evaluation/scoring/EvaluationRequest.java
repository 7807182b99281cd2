package org.ledgerboard.evaluation.scoring;

import org.ledgerboard.service.api.Input;

/** Body of {@code POST /competitions/{c}/rounds/{r}/evaluations}; the score is a decimal string. */
public record EvaluationRequest(String submissionId, String evaluatorId, String criterion, String score) {
    public EvaluationRequest {
        Input.id(submissionId, "submissionId");
        Input.id(evaluatorId, "evaluatorId");
        Input.required(criterion, "criterion");
        Input.decimal(score, "score");
    }
}

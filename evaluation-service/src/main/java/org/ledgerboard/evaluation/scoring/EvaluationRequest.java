package org.ledgerboard.evaluation.scoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ledgerboard.service.api.Input;

/** Body of {@code POST /competitions/{c}/rounds/{r}/evaluations}; the score is a decimal string. */
public record EvaluationRequest(@Schema(pattern = Input.ID_PATTERN) String submissionId, @Schema(pattern = Input.ID_PATTERN) String evaluatorId, String criterion, String score) {
    public EvaluationRequest {
        Input.id(submissionId, "submissionId");
        Input.id(evaluatorId, "evaluatorId");
        Input.required(criterion, "criterion");
        Input.decimal(score, "score");
    }
}

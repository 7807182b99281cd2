package org.ledgerboard.evaluation.evaluator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ledgerboard.core.event.PublicKeyJwk;
import org.ledgerboard.service.api.Input;
import org.ledgerboard.service.api.ProblemException;

import java.util.List;

/** Body of {@code POST /competitions/{c}/rounds/{r}/evaluators}. */
public record AssignEvaluatorRequest(@Schema(pattern = Input.ID_PATTERN) String evaluatorId, String affiliation,
                                     List<String> criteria,
                                     @Schema(description = "the evaluator's Ed25519 public key (RFC 8037 JWK) its "
                                             + "evaluations are signed with; required where signatures are")
                                     PublicKeyJwk publicKey) {
    public AssignEvaluatorRequest {
        Input.id(evaluatorId, "evaluatorId");
        Input.required(affiliation, "affiliation");
        criteria = Input.list(criteria, "criteria");
        if (criteria.isEmpty()) {
            throw ProblemException.invalid("criteria", "an evaluator scores at least one criterion");
        }
    }
}

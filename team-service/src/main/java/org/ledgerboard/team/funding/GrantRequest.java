package org.ledgerboard.team.funding;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ledgerboard.service.api.Input;
import org.ledgerboard.service.api.ProblemException;

/** Body of {@code POST /competitions/{c}/grants}; {@code amount} is a decimal string. */
public record GrantRequest(@Schema(pattern = Input.ID_PATTERN) String grantId, @Schema(pattern = Input.ID_PATTERN) String teamId, String resource, String amount, Integer round) {
    public GrantRequest {
        if (grantId != null) {
            Input.id(grantId, "grantId");
        }
        Input.id(teamId, "teamId");
        Input.required(resource, "resource");
        Input.positiveAmount(amount, "amount");
        if (Input.required(round, "round") < 0) {
            throw ProblemException.invalid("round", "'round' must be 0 (before the first round) or a round number");
        }
    }
}

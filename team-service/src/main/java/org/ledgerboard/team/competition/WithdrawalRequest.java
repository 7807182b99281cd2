package org.ledgerboard.team.competition;

import org.ledgerboard.service.api.Input;

/** Body of {@code POST /competitions/{c}/teams/{t}/withdrawal}. */
public record WithdrawalRequest(String reason) {
    public WithdrawalRequest {
        Input.required(reason, "reason");
    }
}

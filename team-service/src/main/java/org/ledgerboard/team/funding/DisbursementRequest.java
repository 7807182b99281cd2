package org.ledgerboard.team.funding;

import org.ledgerboard.service.api.Input;

/** Body of {@code POST /competitions/{c}/grants/{g}/disbursements}. */
public record DisbursementRequest(String amount) {
    public DisbursementRequest {
        Input.positiveAmount(amount, "amount");
    }
}

package org.ledgerboard.team.funding;

import org.ledgerboard.service.api.Input;

/** Body of {@code POST /competitions/{c}/grants/{g}/disbursements}; the id is derived from the request when absent. */
public record DisbursementRequest(String disbursementId, String amount) {
    public DisbursementRequest {
        Input.positiveAmount(amount, "amount");
    }
}

package org.ledgerboard.team.funding;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ledgerboard.service.api.Input;

/** Body of {@code POST /competitions/{c}/grants/{g}/disbursements}; the id is derived from the request when absent. */
public record DisbursementRequest(@Schema(pattern = Input.ID_PATTERN) String disbursementId, String amount) {
    public DisbursementRequest {
        Input.positiveAmount(amount, "amount");
    }
}

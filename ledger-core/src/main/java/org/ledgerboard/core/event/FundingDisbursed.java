package org.ledgerboard.core.event;

import java.math.BigDecimal;

/** Part of a grant was paid out; each payment has its own id, so a payment made twice shows on the ledger. */
public record FundingDisbursed(String competitionId, String grantId, String disbursementId, BigDecimal amount)
        implements LedgerEvent {
}

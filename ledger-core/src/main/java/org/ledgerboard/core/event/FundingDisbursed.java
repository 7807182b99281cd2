package org.ledgerboard.core.event;

import java.math.BigDecimal;

/** Part of a grant was paid out. */
public record FundingDisbursed(String competitionId, String grantId, BigDecimal amount) implements LedgerEvent {
}

package org.ledgerboard.core.event;

import java.math.BigDecimal;

/** The undisbursed remainder of a grant was revoked; {@code cause} is the id of the event that caused it. */
public record FundingRevoked(String competitionId, String grantId, BigDecimal amount, String cause)
        implements LedgerEvent {
}

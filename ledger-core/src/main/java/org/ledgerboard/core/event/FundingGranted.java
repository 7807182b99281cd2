package org.ledgerboard.core.event;

import java.math.BigDecimal;

/** An amount of one resource (KRW, GPU_HOURS, ...) was granted to a team for a round. */
public record FundingGranted(String competitionId, String grantId, String teamId, String resource,
                             BigDecimal amount, int round) implements LedgerEvent {
}

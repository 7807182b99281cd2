package org.ledgerboard.core.event;

import java.math.BigDecimal;

/** One team's place in a round; a team that submitted nothing has no total and ranks last. */
public record Standing(String teamId, @Nullable BigDecimal total, int rank, boolean submitted) {
}

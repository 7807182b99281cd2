package org.ledgerboard.core.event;

import java.math.BigDecimal;

/** A team was eliminated by a round's declared rule; {@code total} is null when it submitted nothing. */
public record TeamEliminated(String competitionId, String roundId, String teamId, int rank, @Nullable BigDecimal total,
                             String rule) implements LedgerEvent {
}

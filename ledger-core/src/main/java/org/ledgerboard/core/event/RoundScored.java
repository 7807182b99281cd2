package org.ledgerboard.core.event;

import java.math.BigDecimal;
import java.util.Map;

/** A team's result in a round: the mean score per criterion and the weighted total at the declared scale. */
public record RoundScored(String competitionId, String roundId, String teamId,
                          Map<String, BigDecimal> criterionMeans, BigDecimal total) implements LedgerEvent {
    public RoundScored {
        criterionMeans = Collections2.sortedCopy(criterionMeans);
    }
}

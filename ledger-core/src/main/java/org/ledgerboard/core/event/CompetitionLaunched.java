package org.ledgerboard.core.event;

import java.math.BigDecimal;
import java.util.Map;

/** The organiser launched a competition with a budget per resource and the number of finalists it ends with. */
public record CompetitionLaunched(String competitionId, String name, String organiser,
                                  Map<String, BigDecimal> budget, int finalists) implements LedgerEvent {
    public CompetitionLaunched {
        budget = Collections2.sortedCopy(budget);
    }
}

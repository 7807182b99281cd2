package org.ledgerboard.core.event;

import java.util.List;

/** The remaining active teams reached the finalist count. */
public record CompetitionConcluded(String competitionId, List<String> finalists) implements LedgerEvent {
    public CompetitionConcluded {
        finalists = Collections2.copy(finalists);
    }
}

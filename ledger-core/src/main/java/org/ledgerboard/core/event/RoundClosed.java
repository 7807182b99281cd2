package org.ledgerboard.core.event;

import java.util.List;

/** A round closed after every submitting team was scored. */
public record RoundClosed(String competitionId, String roundId, List<String> teamsScored) implements LedgerEvent {
    public RoundClosed {
        teamsScored = Collections2.copy(teamsScored);
    }
}

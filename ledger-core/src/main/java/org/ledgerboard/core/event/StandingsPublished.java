package org.ledgerboard.core.event;

import java.util.List;

/** The ranking of a closed round, best first. */
public record StandingsPublished(String competitionId, String roundId, List<Standing> standings)
        implements LedgerEvent {
    public StandingsPublished {
        standings = Collections2.copy(standings);
    }
}

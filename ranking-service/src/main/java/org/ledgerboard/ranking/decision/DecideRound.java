package org.ledgerboard.ranking.decision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.RoundScored;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A round closed ({@code cause} = the RoundClosed event id): decide it from what the ledger held up to then.
 */
public record DecideRound(String competitionId, String roundId, String cause, RoundOpened rules,
                          List<String> activeTeams, List<RoundScored> scores, Map<String, Instant> submittedAt,
                          int finalists) {
    @TargetAggregateIdentifier
    public String rankingId() {
        return CompetitionRanking.idOf(competitionId);
    }
}

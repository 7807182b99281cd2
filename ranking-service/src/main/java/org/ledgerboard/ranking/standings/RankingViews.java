package org.ledgerboard.ranking.standings;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ledgerboard.core.event.CompetitionConcluded;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.Standing;
import org.ledgerboard.core.event.StandingsPublished;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.ranking.decision.CompetitionRanking;
import org.ledgerboard.service.api.ProblemException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Standings read by folding the ranking aggregate's stored decisions. */
@ApplicationScoped
public class RankingViews {
    private final EventStore events;

    RankingViews(EventStore events) {
        this.events = events;
    }

    /** A ranked team, with its status after the round: ACTIVE, ELIMINATED or FINALIST. */
    public record RankedTeam(String teamId, int rank, BigDecimal total, boolean submitted, String status) {
    }

    /** The standings of one round (or the latest), with the teams the round eliminated. */
    public record RoundStandings(String competitionId, String roundId, boolean concluded, List<RankedTeam> teams,
                                 List<String> eliminated) {
    }

    public RoundStandings latest(String competitionId) {
        Decisions decisions = load(competitionId);
        if (decisions.rounds.isEmpty()) {
            throw ProblemException.notFound("no standings yet in competition " + competitionId);
        }
        String roundId = new ArrayList<>(decisions.rounds.keySet()).get(decisions.rounds.size() - 1);
        return decisions.view(competitionId, roundId);
    }

    public RoundStandings round(String competitionId, String roundId) {
        Decisions decisions = load(competitionId);
        if (!decisions.rounds.containsKey(roundId)) {
            throw ProblemException.notFound("no standings for round " + roundId + " in competition " + competitionId);
        }
        return decisions.view(competitionId, roundId);
    }

    private Decisions load(String competitionId) {
        Decisions decisions = new Decisions();
        DomainEventStream stream = events.readEvents(CompetitionRanking.idOf(competitionId));
        while (stream.hasNext()) {
            decisions.apply((LedgerEvent) stream.next().getPayload());
        }
        return decisions;
    }

    private static final class Decisions {
        private final Map<String, List<Standing>> rounds = new LinkedHashMap<>();
        private final Map<String, List<String>> eliminatedIn = new LinkedHashMap<>();
        private final Set<String> eliminated = new HashSet<>();
        private final Set<String> finalists = new HashSet<>();

        void apply(LedgerEvent event) {
            if (event instanceof StandingsPublished e) {
                rounds.put(e.roundId(), e.standings());
            } else if (event instanceof TeamEliminated e) {
                eliminated.add(e.teamId());
                eliminatedIn.computeIfAbsent(e.roundId(), r -> new ArrayList<>()).add(e.teamId());
            } else if (event instanceof CompetitionConcluded e) {
                finalists.addAll(e.finalists());
            }
        }

        RoundStandings view(String competitionId, String roundId) {
            List<RankedTeam> teams = rounds.get(roundId).stream().map(s -> new RankedTeam(s.teamId(), s.rank(),
                    s.total(), s.submitted(), finalists.contains(s.teamId()) ? "FINALIST"
                    : eliminated.contains(s.teamId()) ? "ELIMINATED" : "ACTIVE")).toList();
            return new RoundStandings(competitionId, roundId, !finalists.isEmpty(), teams,
                    eliminatedIn.getOrDefault(roundId, List.of()));
        }
    }
}

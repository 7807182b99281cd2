package org.ledgerboard.ranking.standings;

import jakarta.inject.Singleton;
import org.axonframework.config.Configurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.ledgerboard.core.event.CompetitionConcluded;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.Standing;
import org.ledgerboard.core.event.StandingsPublished;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.ranking.decision.CompetitionRanking;
import org.ledgerboard.service.api.ProblemException;
import org.ledgerboard.service.axon.AxonModule;
import org.ledgerboard.service.axon.AxonRuntime;
import org.ledgerboard.service.axon.Folds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Standings read from the ranking aggregate's decisions folded in memory ({@link Folds}), advanced by a subscribing
 * handler as each decision is recorded.
 */
@Singleton
@ProcessingGroup(RankingViews.PROCESSING_GROUP)
public class RankingViews implements AxonModule {
    static final String PROCESSING_GROUP = "ranking-views";

    private final Folds<Decisions> folds;

    RankingViews(AxonRuntime axon) { // not the EventStore: Axon is built with this handler, the runtime lazily
        this.folds = new Folds<>(Decisions::new,
                (decisions, event) -> decisions.apply((LedgerEvent) event.getPayload()),
                id -> axon.storage().readEvents(id));
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(PROCESSING_GROUP)
                .registerEventHandler(c -> this));
    }

    @EventHandler
    void on(LedgerEvent event, DomainEventMessage<?> message) {
        folds.follow(message);
    }

    /** A ranked team, with its status after the round: ACTIVE, ELIMINATED or FINALIST. */
    public record RankedTeam(String teamId, int rank, BigDecimal total, boolean submitted, String status) {
    }

    /** The standings of one round (or the latest), with the teams the round eliminated. */
    public record RoundStandings(String competitionId, String roundId, boolean concluded, List<RankedTeam> teams,
                                 List<String> eliminated) {
    }

    public RoundStandings latest(String competitionId) {
        return folds.read(CompetitionRanking.idOf(competitionId), decisions -> {
            if (decisions.rounds.isEmpty()) {
                throw ProblemException.notFound("no standings yet in competition " + competitionId);
            }
            String roundId = new ArrayList<>(decisions.rounds.keySet()).get(decisions.rounds.size() - 1);
            return decisions.view(competitionId, roundId);
        });
    }

    public RoundStandings round(String competitionId, String roundId) {
        return folds.read(CompetitionRanking.idOf(competitionId), decisions -> {
            if (!decisions.rounds.containsKey(roundId)) {
                throw ProblemException.notFound("no standings for round " + roundId + " in competition "
                        + competitionId);
            }
            return decisions.view(competitionId, roundId);
        });
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
                    List.copyOf(eliminatedIn.getOrDefault(roundId, List.of())));
        }
    }
}

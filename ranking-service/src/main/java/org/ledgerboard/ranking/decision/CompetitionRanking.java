package org.ledgerboard.ranking.decision;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.ledgerboard.core.event.CompetitionConcluded;
import org.ledgerboard.core.event.StandingsPublished;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.core.fairness.EliminationRule;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The decisions of one competition: standings, eliminations, conclusion. Each round is decided once; a second
 * delivery of its RoundClosed changes nothing.
 */
public class CompetitionRanking {
    @AggregateIdentifier
    private String rankingId;
    private final Set<String> decidedRounds = new HashSet<>();
    private final Set<String> eliminated = new HashSet<>();
    private boolean concluded;

    protected CompetitionRanking() {
        // rebuilt from its events by Axon
    }

    public static String idOf(String competitionId) {
        return competitionId + "/ranking";
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DecideRound command) {
        if (decidedRounds.contains(command.roundId()) || concluded) {
            return;
        }
        // Teams this aggregate eliminated count as gone even if the ledger copy is still being published.
        List<String> active = command.activeTeams().stream().filter(t -> !eliminated.contains(t)).toList();
        EliminationRule.Decision decision = EliminationRule.decide(command.rules(), active, command.scores(),
                command.submittedAt(), command.finalists());
        String c = command.competitionId();
        apply(new StandingsPublished(c, command.roundId(), decision.standings()));
        decision.eliminated().forEach(s ->
                apply(new TeamEliminated(c, command.roundId(), s.teamId(), s.rank(), s.total(), decision.rule())));
        if (decision.concludes()) {
            apply(new CompetitionConcluded(c, decision.finalists()));
        }
    }

    @EventSourcingHandler
    void on(StandingsPublished event) {
        rankingId = idOf(event.competitionId());
        decidedRounds.add(event.roundId());
    }

    @EventSourcingHandler
    void on(TeamEliminated event) {
        eliminated.add(event.teamId());
    }

    @EventSourcingHandler
    void on(CompetitionConcluded event) {
        concluded = true;
    }
}

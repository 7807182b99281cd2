package org.ledgerboard.team.competition;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.fold.FundingBook;
import org.ledgerboard.core.fold.TeamRoster;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.service.api.ProblemException;
import org.ledgerboard.service.axon.ActorMetaData;
import org.ledgerboard.service.axon.AxonRuntime;
import org.ledgerboard.service.axon.Folds;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads a competition from its fold kept in memory ({@link Folds}): the same {@link CompetitionState} the aggregate
 * decides against, advanced by a subscribing handler as each command records its events.
 */
@Singleton
@ProcessingGroup(CompetitionViews.PROCESSING_GROUP)
public class CompetitionViews {
    static final String PROCESSING_GROUP = "competition-views";

    private final Folds<CompetitionState> folds;

    CompetitionViews(AxonRuntime axon) { // not the EventStore: Axon is built with this handler, the runtime lazily
        this.folds = new Folds<>(CompetitionState::new, (state, event) -> state.apply((LedgerEvent) event.getPayload(),
                event.getTimestamp(), ActorMetaData.actorOf(event.getMetaData())), id -> axon.storage().readEvents(id));
    }

    @EventHandler
    void on(LedgerEvent event, DomainEventMessage<?> message) {
        folds.follow(message);
    }

    private <T> T read(String competitionId, Function<CompetitionState, T> view) {
        return folds.read(competitionId, state -> {
            if (!state.exists()) {
                throw ProblemException.notFound("no competition " + competitionId);
            }
            return view.apply(state);
        });
    }

    public CompetitionView competition(String competitionId) {
        return read(competitionId, state -> competition(competitionId, state));
    }

    private static CompetitionView competition(String competitionId, CompetitionState state) {
        Map<String, CompetitionView.ResourceTotals> totals = new TreeMap<>();
        state.funding.budget().forEach((resource, budget) -> totals.put(resource,
                CompetitionView.ResourceTotals.of(budget, state.funding.total(resource))));
        List<TeamView> teams = state.roster.teams().stream().map(t -> TeamView.of(competitionId, t, state)).toList();
        var launched = state.launched;
        return new CompetitionView(competitionId, launched.name(), launched.organiser(),
                List.copyOf(state.organisers), launched.finalists(),
                launched.signaturesRequired() ? CompetitionLaunched.REQUIRED : CompetitionLaunched.OPTIONAL,
                state.launchedAt, totals, teams);
    }

    public TeamView team(String competitionId, String teamId) {
        return read(competitionId, state -> {
            TeamRoster.Team team = state.roster.team(teamId);
            if (team == null) {
                throw ProblemException.notFound("no team " + teamId + " in competition " + competitionId);
            }
            return TeamView.of(competitionId, team, state);
        });
    }

    public GrantView grant(String competitionId, String grantId) {
        return read(competitionId, state -> {
            FundingBook.Grant grant = state.funding.grant(grantId);
            if (grant == null) {
                throw ProblemException.notFound("no grant " + grantId + " in competition " + competitionId);
            }
            return GrantView.of(grant);
        });
    }

    /** A grant as a view: granted, disbursed, revoked and what is left. */
    public record GrantView(String grantId, String teamId, String resource, int round, BigDecimal amount,
                            BigDecimal disbursed, BigDecimal revoked, BigDecimal remaining) {
        static GrantView of(FundingBook.Grant g) {
            return new GrantView(g.grantId(), g.teamId(), g.resource(), g.granted().round(), g.granted().amount(),
                    g.amounts().disbursed(), g.amounts().revoked(), g.remaining());
        }
    }
}

package org.ledgerboard.team.competition;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.service.api.ProblemException;
import org.ledgerboard.service.axon.ActorMetaData;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a competition by folding its stored events: always exactly what the aggregate decides against. */
@ApplicationScoped
public class CompetitionViews {
    private final EventStore events;

    CompetitionViews(EventStore events) {
        this.events = events;
    }

    public CompetitionView competition(String competitionId) {
        CompetitionState state = load(competitionId);
        Map<String, CompetitionView.ResourceTotals> totals = new TreeMap<>();
        state.budget().forEach((resource, budget) -> totals.put(resource, new CompetitionView.ResourceTotals(budget,
                state.total(resource, g -> g.granted().amount()),
                state.total(resource, CompetitionState.Grant::disbursed),
                state.total(resource, CompetitionState.Grant::revoked),
                budget.subtract(state.committed(resource)))));
        List<TeamView> teams = state.teams.values().stream().map(t -> TeamView.of(competitionId, t, state)).toList();
        var launched = state.launched;
        return new CompetitionView(competitionId, launched.name(), launched.organiser(),
                List.copyOf(state.organisers), launched.finalists(),
                launched.signaturesRequired() ? CompetitionLaunched.REQUIRED : CompetitionLaunched.OPTIONAL,
                state.launchedAt, totals, teams);
    }

    public TeamView team(String competitionId, String teamId) {
        CompetitionState state = load(competitionId);
        CompetitionState.Team team = state.teams.get(teamId);
        if (team == null) {
            throw ProblemException.notFound("no team " + teamId + " in competition " + competitionId);
        }
        return TeamView.of(competitionId, team, state);
    }

    public GrantView grant(String competitionId, String grantId) {
        CompetitionState.Grant grant = load(competitionId).grants.get(grantId);
        if (grant == null) {
            throw ProblemException.notFound("no grant " + grantId + " in competition " + competitionId);
        }
        return GrantView.of(grant);
    }

    private CompetitionState load(String competitionId) {
        CompetitionState state = new CompetitionState();
        DomainEventStream stream = events.readEvents(competitionId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            state.apply((LedgerEvent) message.getPayload(), message.getTimestamp(),
                    ActorMetaData.actorOf(message.getMetaData()));
        }
        if (!state.exists()) {
            throw ProblemException.notFound("no competition " + competitionId);
        }
        return state;
    }

    /** A grant as a view: granted, disbursed, revoked and what is left. */
    public record GrantView(String grantId, String teamId, String resource, int round, BigDecimal amount,
                            BigDecimal disbursed, BigDecimal revoked, BigDecimal remaining) {
        static GrantView of(CompetitionState.Grant g) {
            return new GrantView(g.granted().grantId(), g.granted().teamId(), g.granted().resource(), g.granted().round(),
                    g.granted().amount(), g.disbursed(), g.revoked(), g.remaining());
        }
    }
}

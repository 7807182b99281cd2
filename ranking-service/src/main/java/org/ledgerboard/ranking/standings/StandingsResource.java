package org.ledgerboard.ranking.standings;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

/** The standings ranking-service decided: the latest, or those of one round. */
@Path("/competitions/{competitionId}")
@Produces(MediaType.APPLICATION_JSON)
public class StandingsResource {
    private final RankingViews views;

    StandingsResource(RankingViews views) {
        this.views = views;
    }

    @GET
    @Path("/standings")
    public RankingViews.RoundStandings current(@RestPath String competitionId) {
        return views.latest(competitionId);
    }

    @GET
    @Path("/rounds/{roundId}/standings")
    public RankingViews.RoundStandings round(@RestPath String competitionId, @RestPath String roundId) {
        return views.round(competitionId, roundId);
    }
}

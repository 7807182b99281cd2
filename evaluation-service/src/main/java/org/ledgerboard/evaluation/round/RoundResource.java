package org.ledgerboard.evaluation.round;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.ledgerboard.core.event.Actor;
import org.ledgerboard.evaluation.teams.TeamDirectory;
import org.ledgerboard.service.api.Actors;
import org.ledgerboard.service.api.Idempotent;
import org.ledgerboard.service.api.Input;
import org.ledgerboard.service.api.ProblemException;
import org.ledgerboard.service.ledger.Receipt;
import org.ledgerboard.service.ledger.Receipts;

import java.net.URI;

/** Rounds: open one with its declared rules, read one, close one (scoring every submitting team). */
@Path("/competitions/{competitionId}/rounds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoundResource {
    private final Receipts receipts;
    private final Actors actors;
    private final EvaluationViews views;
    private final TeamDirectory teams;

    RoundResource(Receipts receipts, EvaluationViews views, TeamDirectory teams, Actors actors) {
        this.actors = actors;
        this.receipts = receipts;
        this.views = views;
        this.teams = teams;
    }

    @POST
    @RolesAllowed(Actor.ORGANISER)
    @Idempotent
    public Response open(@RestPath String competitionId, OpenRoundRequest request) {
        Input.required(request, "body");
        teams.requireOrganiser(competitionId, actors.current());
        String roundId = receipts.idOrDerived(request.roundId(), "roundId");
        Receipt receipt = receipts.issue(roundId, new OpenRound(competitionId, roundId, request.number(),
                request.deadline(), request.declaredCriteria(), request.decimals(), request.eliminate(),
                request.tieBreak()));
        return Response.created(URI.create("/competitions/" + competitionId + "/rounds/" + roundId))
                .entity(receipt).build();
    }

    @GET
    @Path("/{roundId}")
    public RoundView get(@RestPath String competitionId, @RestPath String roundId) {
        return views.round(competitionId, roundId, RoundView::of);
    }

    @POST
    @RolesAllowed(Actor.ORGANISER)
    @Path("/{roundId}/close")
    @Idempotent
    public Response close(@RestPath String competitionId, @RestPath String roundId) {
        teams.requireOrganiser(competitionId, actors.current());
        Receipt receipt = receipts.issue(roundId, new CloseRound(competitionId, roundId));
        return Response.status(Response.Status.CREATED).entity(receipt).build();
    }
}

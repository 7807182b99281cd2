package org.ledgerboard.team.competition;

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
import org.ledgerboard.service.api.Idempotent;
import org.ledgerboard.service.api.Input;
import org.ledgerboard.service.api.KeyRotationRequest;
import org.ledgerboard.service.ledger.Receipt;
import org.ledgerboard.service.ledger.Receipts;

import java.net.URI;

/** The teams of a competition: select one, read one, rotate or revoke its signing key, record its withdrawal. */
@Path("/competitions/{competitionId}/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {
    private final Receipts receipts;
    private final CompetitionViews views;

    TeamResource(Receipts receipts, CompetitionViews views) {
        this.receipts = receipts;
        this.views = views;
    }

    @POST
    @RolesAllowed(Actor.ORGANISER)
    @Idempotent
    public Response select(@RestPath String competitionId, SelectTeamRequest request) {
        Input.required(request, "body");
        String teamId = receipts.idOrDerived(request.teamId(), "teamId");
        Receipt receipt = receipts.issue(teamId, new SelectTeam(competitionId, teamId, request.name(),
                request.leadOrganisation(), request.consortium(), request.members(), request.publicKey()));
        return Response.created(URI.create("/competitions/" + competitionId + "/teams/" + teamId))
                .entity(receipt).build();
    }

    @GET
    @Path("/{teamId}")
    public TeamView get(@RestPath String competitionId, @RestPath String teamId) {
        return views.team(competitionId, teamId);
    }

    @POST
    @RolesAllowed(Actor.ORGANISER)
    @Path("/{teamId}/key-rotations")
    @Idempotent
    public Response rotateKey(@RestPath String competitionId, @RestPath String teamId, KeyRotationRequest request) {
        Input.required(request, "body");
        Receipt receipt = receipts.issue(teamId, new RotateTeamKey(competitionId, teamId, request.publicKey(),
                request.reason()));
        return Response.status(Response.Status.CREATED).entity(receipt).build();
    }

    @POST
    @RolesAllowed(Actor.ORGANISER)
    @Path("/{teamId}/withdrawal")
    @Idempotent
    public Response withdraw(@RestPath String competitionId, @RestPath String teamId, WithdrawalRequest request) {
        Input.required(request, "body");
        Receipt receipt = receipts.issue(teamId, new WithdrawTeam(competitionId, teamId, request.reason()));
        return Response.status(Response.Status.CREATED).entity(receipt).build();
    }
}

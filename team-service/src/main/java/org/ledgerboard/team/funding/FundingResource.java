package org.ledgerboard.team.funding;

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
import org.ledgerboard.service.ledger.Receipt;
import org.ledgerboard.service.ledger.Receipts;
import org.ledgerboard.team.competition.CompetitionViews;
import org.ledgerboard.team.competition.DisburseFunding;
import org.ledgerboard.team.competition.GrantFunding;

import java.math.BigDecimal;
import java.net.URI;

/** Funding: grant a resource to a team, disburse part of a grant, read a grant. */
@Path("/competitions/{competitionId}/grants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FundingResource {
    private final Receipts receipts;
    private final CompetitionViews views;

    FundingResource(Receipts receipts, CompetitionViews views) {
        this.receipts = receipts;
        this.views = views;
    }

    @POST
    @RolesAllowed(Actor.ORGANISER)
    @Idempotent
    public Response grant(@RestPath String competitionId, GrantRequest request) {
        Input.required(request, "body");
        String grantId = receipts.idOrDerived(request.grantId(), "grantId");
        Receipt receipt = receipts.issue(grantId, new GrantFunding(competitionId, grantId, request.teamId(),
                request.resource(), new BigDecimal(request.amount()), request.round()));
        return Response.created(URI.create("/competitions/" + competitionId + "/grants/" + grantId))
                .entity(receipt).build();
    }

    @GET
    @Path("/{grantId}")
    public CompetitionViews.GrantView get(@RestPath String competitionId, @RestPath String grantId) {
        return views.grant(competitionId, grantId);
    }

    @POST
    @RolesAllowed(Actor.ORGANISER)
    @Path("/{grantId}/disbursements")
    @Idempotent
    public Response disburse(@RestPath String competitionId, @RestPath String grantId, DisbursementRequest request) {
        Input.required(request, "body");
        String disbursementId = receipts.idOrDerived(request.disbursementId(), "disbursementId");
        Receipt receipt = receipts.issue(disbursementId, new DisburseFunding(competitionId, grantId, disbursementId,
                new BigDecimal(request.amount())));
        return Response.status(Response.Status.CREATED).entity(receipt).build();
    }
}

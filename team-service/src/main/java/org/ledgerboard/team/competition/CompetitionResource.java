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
import org.ledgerboard.service.ledger.Receipt;
import org.ledgerboard.service.ledger.Receipts;

import java.net.URI;
import java.util.List;

/** Competitions: launch one, appoint more organisers, list them, read one with its budget totals and teams. */
@Path("/competitions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CompetitionResource {
    private final Receipts receipts;
    private final CompetitionViews views;
    private final CompetitionCatalogue catalogue;

    CompetitionResource(Receipts receipts, CompetitionViews views, CompetitionCatalogue catalogue) {
        this.receipts = receipts;
        this.views = views;
        this.catalogue = catalogue;
    }

    @POST
    @RolesAllowed(Actor.ORGANISER)
    @Idempotent
    public Response launch(LaunchRequest request) {
        Input.required(request, "body");
        String id = receipts.idOrDerived(request.competitionId(), "competitionId");
        Receipt receipt = receipts.issue(id, new LaunchCompetition(id, request.name(), request.organiser(),
                request.budgetAmounts(), request.finalists(), request.signatures()));
        return Response.created(URI.create("/competitions/" + id)).entity(receipt).build();
    }

    @POST
    @RolesAllowed(Actor.ORGANISER)
    @Path("/{competitionId}/organisers")
    @Idempotent
    public Response appoint(@RestPath String competitionId, AppointmentRequest request) {
        Input.required(request, "body");
        Receipt receipt = receipts.issue(request.subject(), new AppointOrganiser(competitionId, request.subject()));
        return Response.status(Response.Status.CREATED).entity(receipt).build();
    }

    @GET
    public List<CompetitionCatalogue.Entry> list() {
        return catalogue.newestFirst();
    }

    @GET
    @Path("/{competitionId}")
    public CompetitionView get(@RestPath String competitionId) {
        return views.competition(competitionId);
    }
}

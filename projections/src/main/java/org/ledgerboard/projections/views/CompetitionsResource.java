package org.ledgerboard.projections.views;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ledgerboard.projections.ledger.Projections;

import java.util.List;

/** {@code GET /competitions}: every competition on the ledger, the latest launched first, with its latest checkpoint. */
@Path("/competitions")
@Produces(MediaType.APPLICATION_JSON)
public class CompetitionsResource {
    private final Projections projections;

    CompetitionsResource(Projections projections) {
        this.projections = projections;
    }

    @GET
    public List<Projections.Listed> competitions() {
        return projections.list();
    }
}

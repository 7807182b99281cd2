package org.ledgerboard.projections.proofs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.ledgerboard.projections.ledger.CompetitionProjection;
import org.ledgerboard.projections.ledger.Projections;
import org.ledgerboard.service.api.Input;
import org.ledgerboard.service.api.ProblemException;

/** RFC 9162 proofs over a competition's records: a receipt's inclusion, and that the log only grew. */
@Path("/competitions/{competitionId}/proofs")
@Produces(MediaType.APPLICATION_JSON)
public class ProofResource {
    private final Projections projections;

    ProofResource(Projections projections) {
        this.projections = projections;
    }

    @GET
    @Path("/inclusion")
    public CompetitionProjection.InclusionProof inclusion(@RestPath String competitionId, @RestQuery String eventId,
                                                          @RestQuery String treeSize) {
        CompetitionProjection projection = competition(competitionId);
        long size = treeSize != null ? Input.whole(treeSize, "treeSize", 1, Long.MAX_VALUE, 0)
                : projections.latestCheckpoint(competitionId).map(c -> c.treeSize())
                .orElseThrow(() -> ProblemException.notFound("no checkpoint yet"));
        CompetitionProjection.InclusionProof proof = projection.inclusion(Input.required(eventId, "eventId"), size);
        if (proof == null) {
            throw ProblemException.notFound("event " + eventId + " is not in the tree of size " + size);
        }
        return proof;
    }

    @GET
    @Path("/consistency")
    public CompetitionProjection.ConsistencyProof consistency(@RestPath String competitionId, @RestQuery String first,
                                                              @RestQuery String second) {
        CompetitionProjection.ConsistencyProof proof = competition(competitionId).consistency(
                Input.whole(Input.required(first, "first"), "first", 1, Long.MAX_VALUE, 0),
                Input.whole(Input.required(second, "second"), "second", 1, Long.MAX_VALUE, 0));
        if (proof == null) {
            throw ProblemException.invalid("first", "need 0 < first <= second <= the tree size");
        }
        return proof;
    }

    private CompetitionProjection competition(String competitionId) {
        return projections.competition(competitionId)
                .orElseThrow(() -> ProblemException.notFound("no records yet for competition " + competitionId));
    }
}

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
                                                          @RestQuery Long treeSize) {
        CompetitionProjection projection = competition(competitionId);
        long size = treeSize != null ? treeSize : projections.latestCheckpoint(competitionId)
                .map(c -> c.treeSize()).orElseThrow(() -> ProblemException.notFound("no checkpoint yet"));
        CompetitionProjection.InclusionProof proof = projection.inclusion(Input.required(eventId, "eventId"), size);
        if (proof == null) {
            throw ProblemException.notFound("event " + eventId + " is not in the tree of size " + size);
        }
        return proof;
    }

    @GET
    @Path("/consistency")
    public CompetitionProjection.ConsistencyProof consistency(@RestPath String competitionId, @RestQuery Long first,
                                                              @RestQuery Long second) {
        CompetitionProjection.ConsistencyProof proof = competition(competitionId).consistency(
                Input.required(first, "first"), Input.required(second, "second"));
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

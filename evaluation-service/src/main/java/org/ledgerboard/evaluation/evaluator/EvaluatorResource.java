package org.ledgerboard.evaluation.evaluator;

import org.ledgerboard.evaluation.round.AssignEvaluator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.ledgerboard.service.api.Idempotent;
import org.ledgerboard.service.api.Input;
import org.ledgerboard.service.ledger.Receipts;

/** Assigns an evaluator, with their affiliation, to criteria of a round. */
@Path("/competitions/{competitionId}/rounds/{roundId}/evaluators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvaluatorResource {
    private final Receipts receipts;

    EvaluatorResource(Receipts receipts) {
        this.receipts = receipts;
    }

    @POST
    @Idempotent
    public Response assign(@RestPath String competitionId, @RestPath String roundId, AssignEvaluatorRequest request) {
        Input.required(request, "body");
        return Response.status(Response.Status.CREATED).entity(receipts.issue(request.evaluatorId(),
                new AssignEvaluator(competitionId, roundId, request.evaluatorId(), request.affiliation(),
                        request.criteria()))).build();
    }
}

package org.ledgerboard.evaluation.evaluator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.ledgerboard.core.event.Actor;
import org.ledgerboard.evaluation.round.AssignEvaluator;
import org.ledgerboard.evaluation.round.RotateEvaluatorKey;
import org.ledgerboard.evaluation.teams.TeamDirectory;
import org.ledgerboard.service.api.Actors;
import org.ledgerboard.service.api.Idempotent;
import org.ledgerboard.service.api.Input;
import org.ledgerboard.service.api.KeyRotationRequest;
import org.ledgerboard.service.api.ProblemException;
import org.ledgerboard.service.ledger.Receipts;

/** Assigns an evaluator, with their affiliation and signing key, to criteria of a round; rotates or revokes the key. */
@Path("/competitions/{competitionId}/rounds/{roundId}/evaluators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvaluatorResource {
    private final Receipts receipts;
    private final TeamDirectory teams;
    private final Actors actors;

    EvaluatorResource(Receipts receipts, TeamDirectory teams, Actors actors) {
        this.receipts = receipts;
        this.teams = teams;
        this.actors = actors;
    }

    @POST
    @RolesAllowed(Actor.ORGANISER)
    @Idempotent
    public Response assign(@RestPath String competitionId, @RestPath String roundId, AssignEvaluatorRequest request) {
        Input.required(request, "body");
        if (teams.requireOrganiser(competitionId, actors.current()).signaturesRequired() && request.publicKey() == null) {
            throw ProblemException.invalid("publicKey", "competition " + competitionId + " requires signed "
                    + "evaluations: bind the evaluator's Ed25519 public key (JWK) as publicKey");
        }
        return Response.status(Response.Status.CREATED).entity(receipts.issue(request.evaluatorId(),
                new AssignEvaluator(competitionId, roundId, request.evaluatorId(), request.affiliation(),
                        request.criteria(), request.publicKey()))).build();
    }

    @POST
    @RolesAllowed(Actor.ORGANISER)
    @Path("/{evaluatorId}/key-rotations")
    @Idempotent
    public Response rotateKey(@RestPath String competitionId, @RestPath String roundId, @RestPath String evaluatorId,
                              KeyRotationRequest request) {
        Input.required(request, "body");
        teams.requireOrganiser(competitionId, actors.current());
        return Response.status(Response.Status.CREATED).entity(receipts.issue(evaluatorId,
                new RotateEvaluatorKey(competitionId, roundId, evaluatorId, request.publicKey(), request.reason())))
                .build();
    }
}

package org.ledgerboard.evaluation.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.RestPath;
import org.ledgerboard.core.event.Actor;
import org.ledgerboard.core.event.Envelope;
import org.ledgerboard.core.event.SignedEvaluation;
import org.ledgerboard.core.event.SubmissionMade;
import org.ledgerboard.evaluation.round.EvaluationViews;
import org.ledgerboard.evaluation.round.RecordEvaluation;
import org.ledgerboard.evaluation.signing.SignedBodies;
import org.ledgerboard.evaluation.teams.TeamDirectory;
import org.ledgerboard.evaluation.teams.TeamServiceClient;
import org.ledgerboard.service.api.Actors;
import org.ledgerboard.service.api.Idempotent;
import org.ledgerboard.service.api.Input;
import org.ledgerboard.service.api.ProblemException;
import org.ledgerboard.service.ledger.Receipts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** An evaluator records a score; who belongs to the team comes from team-service, for the conflict-of-interest rule. */
@Path("/competitions/{competitionId}/rounds/{roundId}/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvaluationResource {
    private final Receipts receipts;
    private final Actors actors;
    private final EvaluationViews views;
    private final TeamDirectory teams;

    private final SignedBodies bodies;

    EvaluationResource(Receipts receipts, EvaluationViews views, TeamDirectory teams, Actors actors,
                       SignedBodies bodies) {
        this.bodies = bodies;
        this.actors = actors;
        this.receipts = receipts;
        this.views = views;
        this.teams = teams;
    }

    @POST
    @RolesAllowed(Actor.EVALUATOR)
    @Idempotent
    @RequestBody(description = "the evaluation, or under signatures a DSSE envelope (payloadType "
            + Envelope.EVALUATION + ") of it with competitionId and roundId", content = @Content(schema = @Schema(
            oneOf = {EvaluationRequest.class, Envelope.class})))
    public Response record(@RestPath String competitionId, @RestPath String roundId, JsonNode body)
            throws JsonProcessingException {
        Input.required(body, "body");
        SignedBodies.Body<EvaluationRequest> read = bodies.read(body, EvaluationRequest.class, Envelope.EVALUATION,
                SignedEvaluation.class, act -> new EvaluationRequest(act.submissionId(), act.evaluatorId(),
                        act.criterion(), act.score()), competitionId, roundId);
        EvaluationRequest request = read.request();
        Envelope envelope = read.envelope();
        Actor actor = actors.current();
        if (!actor.subject().equals(request.evaluatorId())) {
            throw ProblemException.notEntitled("evaluator-is-actor", actor.attribute() + " cannot record an "
                    + "evaluation as evaluator " + request.evaluatorId());
        }
        SubmissionMade submission = views.round(competitionId, roundId,
                round -> round.submissions().get(request.submissionId()));
        if (submission == null) {
            throw ProblemException.notFound("no submission " + request.submissionId() + " in round " + roundId);
        }
        return Response.status(Response.Status.CREATED).entity(receipts.issue(request.submissionId(),
                new RecordEvaluation(competitionId, roundId, request.submissionId(), request.evaluatorId(),
                        request.criterion(), new BigDecimal(request.score()),
                        organisationsOf(competitionId, submission.teamId()), envelope,
                        teams.signaturesRequired(competitionId)))).build();
    }

    /**
     * The submitting team's organisations, for the conflict-of-interest rule. Fails closed: a team team-service
     * does not know cannot be checked, so the evaluation is refused rather than checked against no one.
     */
    private List<String> organisationsOf(String competitionId, String teamId) {
        TeamServiceClient.Team team = teams.team(competitionId, teamId).orElseThrow(() -> ProblemException.ruleBroken(
                "conflict-of-interest-checkable", "team " + teamId + " is unknown to team-service, so whether the "
                        + "evaluator is independent of it cannot be checked; nothing was recorded"));
        List<String> organisations = new ArrayList<>();
        organisations.add(team.leadOrganisation());
        organisations.addAll(team.consortium());
        return organisations;
    }
}

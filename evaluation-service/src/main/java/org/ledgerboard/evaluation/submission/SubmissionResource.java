package org.ledgerboard.evaluation.submission;

import jakarta.annotation.security.RolesAllowed;
import org.ledgerboard.core.event.Actor;
import org.ledgerboard.evaluation.round.MakeSubmission;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.ledgerboard.evaluation.teams.TeamDirectory;
import org.ledgerboard.service.api.Actors;
import org.ledgerboard.service.api.Idempotent;
import org.ledgerboard.service.api.Input;
import org.ledgerboard.service.api.ProblemException;
import org.ledgerboard.service.ledger.Receipt;
import org.ledgerboard.service.ledger.Receipts;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A team submits its model to a round; the answer is its receipt. Only ACTIVE teams, as team-service says. */
@Path("/competitions/{competitionId}/rounds/{roundId}/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubmissionResource {
    private final Receipts receipts;
    private final Actors actors;
    private final TeamDirectory teams;

    SubmissionResource(Receipts receipts, TeamDirectory teams, Actors actors) {
        this.actors = actors;
        this.receipts = receipts;
        this.teams = teams;
    }

    @POST
    @RolesAllowed(Actor.TEAM)
    @Idempotent
    public Response submit(@RestPath String competitionId, @RestPath String roundId, SubmissionRequest request) {
        Input.required(request, "body");
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String status = teams.requireMember(competitionId, request.teamId(), actors.current()).status();
        if (!"ACTIVE".equals(status)) {
            throw ProblemException.ruleBroken("team-must-be-active", "team " + request.teamId() + " is " + status
                    + " and cannot submit");
        }
        String submissionId = receipts.idOrDerived(request.submissionId(), "submissionId");
        Receipt receipt = receipts.issue(submissionId, new MakeSubmission(competitionId, roundId, submissionId,
                request.teamId(), request.artifactDigest(), request.modelCardUri(), receivedAt));
        return Response.created(URI.create("/competitions/" + competitionId + "/rounds/" + roundId
                + "/submissions/" + submissionId)).entity(receipt).build();
    }
}

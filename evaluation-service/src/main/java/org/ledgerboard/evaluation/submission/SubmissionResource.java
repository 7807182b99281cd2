package org.ledgerboard.evaluation.submission;

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
import org.ledgerboard.core.event.SignedSubmission;
import org.ledgerboard.core.integrity.Dsse;
import org.ledgerboard.evaluation.round.MakeSubmission;
import org.ledgerboard.evaluation.signing.SignedBodies;
import org.ledgerboard.evaluation.teams.TeamDirectory;
import org.ledgerboard.evaluation.teams.TeamServiceClient;
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

    private final SignedBodies bodies;

    SubmissionResource(Receipts receipts, TeamDirectory teams, Actors actors, SignedBodies bodies) {
        this.bodies = bodies;
        this.actors = actors;
        this.receipts = receipts;
        this.teams = teams;
    }

    @POST
    @RolesAllowed(Actor.TEAM)
    @Idempotent
    @RequestBody(description = "the submission, or under signatures a DSSE envelope (payloadType "
            + Envelope.SUBMISSION + ") of it with competitionId and roundId", content = @Content(schema = @Schema(
            oneOf = {SubmissionRequest.class, Envelope.class})))
    public Response submit(@RestPath String competitionId, @RestPath String roundId, JsonNode body)
            throws JsonProcessingException {
        Input.required(body, "body");
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SignedBodies.Body<SubmissionRequest> read = bodies.read(body, SubmissionRequest.class, Envelope.SUBMISSION,
                SignedSubmission.class, act -> new SubmissionRequest(act.submissionId(), act.teamId(),
                        act.artifactDigest(), act.modelCardUri()), competitionId, roundId);
        SubmissionRequest request = read.request();
        Envelope envelope = read.envelope();
        TeamServiceClient.Team team = teams.requireMember(competitionId, request.teamId(), actors.current());
        if (envelope == null && teams.signaturesRequired(competitionId)) {
            throw SignedBodies.unsignedWhereRequired(competitionId);
        }
        boolean verified = envelope == null || signedBy(envelope, team);
        if (!verified && teams.readToNow()) { // the team's key may have been rotated a moment ago
            team = teams.requireMember(competitionId, request.teamId(), actors.current());
            verified = signedBy(envelope, team);
        }
        if (!verified) {
            throw ProblemException.unverifiable("signature-valid", "the envelope's signature does not verify with "
                    + "the key bound to team " + request.teamId());
        }
        String status = team.status();
        if (!"ACTIVE".equals(status)) {
            throw ProblemException.ruleBroken("team-must-be-active", "team " + request.teamId() + " is " + status
                    + " and cannot submit");
        }
        String submissionId = receipts.idOrDerived(request.submissionId(), "submissionId");
        Receipt receipt = receipts.issue(submissionId, new MakeSubmission(competitionId, roundId, submissionId,
                request.teamId(), request.artifactDigest(), request.modelCardUri(), receivedAt, envelope));
        return Response.created(URI.create("/competitions/" + competitionId + "/rounds/" + roundId
                + "/submissions/" + submissionId)).entity(receipt).build();
    }

    private static boolean signedBy(Envelope envelope, TeamServiceClient.Team team) {
        return team.publicKey() != null && Dsse.verifiedPayload(envelope, team.publicKey()).isPresent();
    }
}

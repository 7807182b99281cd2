package org.ledgerboard.evaluation.teams;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.ledgerboard.core.event.Actor;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.PublicKeyJwk;

import java.util.List;

/** The questions evaluation-service asks team-service, over its public REST API. */
@RegisterRestClient(configKey = "team-service")
@Path("/competitions")
public interface TeamServiceClient {

    /** What evaluation-service needs of a team: whether it is ACTIVE, and who belongs to it. */
    @JsonIgnoreProperties(ignoreUnknown = true) // team-service may tell more than we ask
    record Team(String teamId, String status, String leadOrganisation, List<String> consortium, List<String> members,
                PublicKeyJwk publicKey) {
    }

    /** What evaluation-service needs of a competition: that it exists, and who organises it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Competition(String competitionId, List<String> organisers, String signatures) {
        /** Fails closed: anything but an explicit "optional" means signatures are required. */
        public boolean signaturesRequired() {
            return !CompetitionLaunched.OPTIONAL.equals(signatures);
        }

        public boolean organisedBy(Actor actor) {
            return organisers != null && organisers.contains(actor.subject());
        }
    }

    @GET
    @Path("/{competitionId}")
    Competition competition(@PathParam("competitionId") String competitionId);

    @GET
    @Path("/{competitionId}/teams/{teamId}")
    Team team(@PathParam("competitionId") String competitionId, @PathParam("teamId") String teamId);
}

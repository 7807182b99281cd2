package org.ledgerboard.team.competition;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ledgerboard.core.event.PublicKeyJwk;
import org.ledgerboard.service.api.Input;

import java.util.List;

/** Body of {@code POST /competitions/{c}/teams}. */
public record SelectTeamRequest(@Schema(pattern = Input.ID_PATTERN) String teamId, String name, String leadOrganisation,
                                List<String> consortium,
                                @Schema(description = "token subjects who act for the team (e.g. submit)")
                                List<String> members,
                                @Schema(description = "the team's Ed25519 public key (RFC 8037 JWK) its submissions are "
                                        + "signed with; required where the competition requires signatures")
                                PublicKeyJwk publicKey) {
    public SelectTeamRequest {
        if (teamId != null) {
            Input.id(teamId, "teamId");
        }
        Input.required(name, "name");
        Input.required(leadOrganisation, "leadOrganisation");
        consortium = Input.list(consortium, "consortium");
        members = members == null ? List.of() : Input.list(members, "members");
    }
}

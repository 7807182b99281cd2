package org.ledgerboard.team.competition;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ledgerboard.service.api.Input;

import java.util.List;

/** Body of {@code POST /competitions/{c}/teams}. */
public record SelectTeamRequest(@Schema(pattern = Input.ID_PATTERN) String teamId, String name, String leadOrganisation,
                                List<String> consortium,
                                @Schema(description = "token subjects who act for the team (e.g. submit)")
                                List<String> members) {
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

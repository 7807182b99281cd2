package org.ledgerboard.team.competition;

import org.ledgerboard.core.event.PublicKeyJwk;
import org.ledgerboard.core.fold.TeamRoster;

import java.util.List;

/**
 * {@code GET /competitions/{c}/teams/{t}}: a team, the signing key bound to it now, its status (ACTIVE, ELIMINATED,
 * WITHDRAWN) and its grants.
 */
public record TeamView(String competitionId, String teamId, String name, String leadOrganisation,
                       List<String> consortium, List<String> members, PublicKeyJwk publicKey, TeamRoster.Status status, String statusReason,
                       List<CompetitionViews.GrantView> grants) {

    static TeamView of(String competitionId, TeamRoster.Team team, CompetitionState state) {
        var selected = team.selected();
        List<CompetitionViews.GrantView> grants = state.funding.grantsOf(selected.teamId()).stream()
                .map(CompetitionViews.GrantView::of)
                .toList();
        return new TeamView(competitionId, selected.teamId(), selected.name(), selected.leadOrganisation(),
                selected.consortium(), selected.members(), team.publicKey(), team.status(), team.statusReason(), grants);
    }
}

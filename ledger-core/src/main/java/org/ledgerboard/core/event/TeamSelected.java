package org.ledgerboard.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A team was selected into the competition, led by one organisation with its consortium members; {@code members}
 * are the subjects who may act for the team in this competition (e.g. submit), bound by the organiser, and
 * {@code publicKey} the key its submissions are signed with.
 */
public record TeamSelected(String competitionId, String teamId, String name, String leadOrganisation,
                           List<String> consortium, List<String> members,
                           @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable PublicKeyJwk publicKey)
        implements LedgerEvent {
    public TeamSelected {
        consortium = Collections2.copy(consortium);
        members = Collections2.copy(members);
    }

    /** A team without a bound key (it cannot sign; allowed only where signatures are optional). */
    public TeamSelected(String competitionId, String teamId, String name, String leadOrganisation,
                        List<String> consortium, List<String> members) {
        this(competitionId, teamId, name, leadOrganisation, consortium, members, null);
    }
}

package org.ledgerboard.core.event;

import java.util.List;

/** A team was selected into the competition, led by one organisation with its consortium members. */
public record TeamSelected(String competitionId, String teamId, String name, String leadOrganisation,
                           List<String> consortium) implements LedgerEvent {
    public TeamSelected {
        consortium = Collections2.copy(consortium);
    }
}

package org.ledgerboard.core.fold;

import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.PublicKeyJwk;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.core.event.TeamKeyRotated;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.event.TeamSupportEnded;
import org.ledgerboard.core.event.TeamWithdrew;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One competition's teams, as its events make them: the one fold of who is in, where each stands and the key bound
 * to it, read by team-service's rules and views and by the auditor. A team is selected once (a second selection of
 * its id changes nothing); an elimination (ranking's TeamEliminated, or team-service's TeamSupportEnded that
 * follows it) is final, a withdrawal is final unless an elimination follows.
 */
public final class TeamRoster {
    /** Where a team stands: only an ACTIVE team submits and receives funding. */
    public enum Status { ACTIVE, WITHDRAWN, ELIMINATED }

    /** A selected team, where it stands and why, and the signing key bound to it now (null when none, or revoked). */
    public record Team(TeamSelected selected, Status status, String statusReason, PublicKeyJwk publicKey) {
        public String teamId() {
            return selected.teamId();
        }
    }

    private final LinkedHashMap<String, Team> teams = new LinkedHashMap<>(); // in order of selection

    public void apply(LedgerEvent event) {
        if (event instanceof TeamSelected e) {
            teams.putIfAbsent(e.teamId(), new Team(e, Status.ACTIVE, null, e.publicKey()));
        } else if (event instanceof TeamKeyRotated e) {
            teams.computeIfPresent(e.teamId(), (id, t) -> new Team(t.selected(), t.status(), t.statusReason(),
                    e.publicKey()));
        } else if (event instanceof TeamWithdrew e) {
            stand(e.teamId(), Status.WITHDRAWN, e.reason());
        } else if (event instanceof TeamEliminated e) {
            stand(e.teamId(), Status.ELIMINATED, "eliminated in round " + e.roundId());
        } else if (event instanceof TeamSupportEnded e) {
            stand(e.teamId(), Status.ELIMINATED, "eliminated by ledger event " + e.cause());
        }
    }

    private void stand(String teamId, Status status, String reason) {
        teams.computeIfPresent(teamId, (id, t) -> t.status() == Status.ELIMINATED && status != Status.ELIMINATED ? t
                : new Team(t.selected(), status, reason, t.publicKey()));
    }

    /** The team, or null when it was never selected. */
    public Team team(String teamId) {
        return teams.get(teamId);
    }

    /** Every selected team, in order of selection. */
    public Collection<Team> teams() {
        return Collections.unmodifiableCollection(teams.values());
    }

    public boolean isActive(String teamId) {
        Team team = teams.get(teamId);
        return team != null && team.status() == Status.ACTIVE;
    }

    public boolean isEliminated(String teamId) {
        Team team = teams.get(teamId);
        return team != null && team.status() == Status.ELIMINATED;
    }

    /** The active teams' ids, in order of selection. */
    public List<String> active() {
        return teams.values().stream().filter(t -> t.status() == Status.ACTIVE).map(Team::teamId).toList();
    }
}

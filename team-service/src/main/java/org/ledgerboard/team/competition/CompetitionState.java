package org.ledgerboard.team.competition;

import org.ledgerboard.core.event.Actor;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.FundingDisbursed;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.OrganiserAppointed;
import org.ledgerboard.core.event.PublicKeyJwk;
import org.ledgerboard.core.event.TeamKeyRotated;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.event.TeamSupportEnded;
import org.ledgerboard.core.event.TeamWithdrew;
import org.ledgerboard.core.fold.FundingBook;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A competition as its events make it: the aggregate decides against it, and the read side folds the same
 * events into it, so the rules and the views never disagree.
 */
public final class CompetitionState {
    /** A selected team, where it stands and the signing key bound to it now (null when none, or revoked). */
    public record Team(TeamSelected selected, TeamStatus status, String statusReason, PublicKeyJwk publicKey) {
        Team with(TeamStatus newStatus, String reason) {
            return new Team(selected, newStatus, reason, publicKey);
        }

        Team withKey(PublicKeyJwk key) {
            return new Team(selected, status, statusReason, key);
        }
    }

    CompetitionLaunched launched;
    Instant launchedAt;
    final Map<String, Team> teams = new LinkedHashMap<>();
    /** Its money: the same fold the auditor's F6 and the funding view read. */
    final FundingBook funding = new FundingBook();
    final Set<String> disbursements = new HashSet<>();
    /** Subjects who may act as organisers of this competition: whoever launched it, and whom an organiser appointed. */
    final Set<String> organisers = new LinkedHashSet<>();

    /** {@code actor} is who recorded the event, as the ledger says (null for events from before actors). */
    public void apply(LedgerEvent event, Instant at, Actor actor) {
        funding.apply(event);
        if (event instanceof CompetitionLaunched e) {
            launched = e;
            launchedAt = at;
            if (actor != null) {
                organisers.add(actor.subject());
            }
        } else if (event instanceof OrganiserAppointed e) {
            organisers.add(e.subject());
        } else if (event instanceof TeamSelected e) {
            teams.put(e.teamId(), new Team(e, TeamStatus.ACTIVE, null, e.publicKey()));
        } else if (event instanceof TeamKeyRotated e) {
            teams.computeIfPresent(e.teamId(), (id, team) -> team.withKey(e.publicKey()));
        } else if (event instanceof TeamWithdrew e) {
            setStatus(e.teamId(), TeamStatus.WITHDRAWN, e.reason());
        } else if (event instanceof TeamSupportEnded e) {
            setStatus(e.teamId(), TeamStatus.ELIMINATED, "eliminated by ledger event " + e.cause());
        } else if (event instanceof FundingDisbursed e) {
            disbursements.add(e.disbursementId());
        }
    }

    private void setStatus(String teamId, TeamStatus status, String reason) {
        teams.computeIfPresent(teamId, (id, team) -> team.with(status, reason));
    }

    public boolean exists() {
        return launched != null;
    }

    boolean isActive(String teamId) {
        Team team = teams.get(teamId);
        return team != null && team.status() == TeamStatus.ACTIVE;
    }

}

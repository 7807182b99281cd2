package org.ledgerboard.team.competition;

import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.FundingDisbursed;
import org.ledgerboard.core.event.FundingGranted;
import org.ledgerboard.core.event.FundingRevoked;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.event.TeamSupportEnded;
import org.ledgerboard.core.event.TeamWithdrew;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A competition as its events make it: the aggregate decides against it, and the read side folds the same
 * events into it, so the rules and the views never disagree.
 */
public final class CompetitionState {
    /** A selected team. */
    public static final class Team {
        final TeamSelected selected;
        TeamStatus status = TeamStatus.ACTIVE;
        String statusReason;

        Team(TeamSelected selected) {
            this.selected = selected;
        }
    }

    /** A grant and what became of it. */
    public static final class Grant {
        final FundingGranted granted;
        BigDecimal disbursed = BigDecimal.ZERO;
        BigDecimal revoked = BigDecimal.ZERO;

        Grant(FundingGranted granted) {
            this.granted = granted;
        }

        BigDecimal remaining() {
            return granted.amount().subtract(disbursed).subtract(revoked);
        }
    }

    CompetitionLaunched launched;
    Instant launchedAt;
    final Map<String, Team> teams = new LinkedHashMap<>();
    final Map<String, Grant> grants = new LinkedHashMap<>();

    public void apply(LedgerEvent event, Instant at) {
        if (event instanceof CompetitionLaunched e) {
            launched = e;
            launchedAt = at;
        } else if (event instanceof TeamSelected e) {
            teams.put(e.teamId(), new Team(e));
        } else if (event instanceof TeamWithdrew e) {
            setStatus(e.teamId(), TeamStatus.WITHDRAWN, e.reason());
        } else if (event instanceof TeamSupportEnded e) {
            setStatus(e.teamId(), TeamStatus.ELIMINATED, "eliminated by ledger event " + e.cause());
        } else if (event instanceof FundingGranted e) {
            grants.put(e.grantId(), new Grant(e));
        } else if (event instanceof FundingDisbursed e) {
            Grant grant = grants.get(e.grantId());
            grant.disbursed = grant.disbursed.add(e.amount());
        } else if (event instanceof FundingRevoked e) {
            Grant grant = grants.get(e.grantId());
            grant.revoked = grant.revoked.add(e.amount());
        }
    }

    private void setStatus(String teamId, TeamStatus status, String reason) {
        Team team = teams.get(teamId);
        team.status = status;
        team.statusReason = reason;
    }

    public boolean exists() {
        return launched != null;
    }

    Map<String, BigDecimal> budget() {
        return launched.budget();
    }

    boolean isActive(String teamId) {
        Team team = teams.get(teamId);
        return team != null && team.status == TeamStatus.ACTIVE;
    }

    /** Granted minus revoked: what a resource's budget has committed. */
    BigDecimal committed(String resource) {
        return grants.values().stream()
                .filter(g -> g.granted.resource().equals(resource))
                .map(g -> g.granted.amount().subtract(g.revoked))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal total(String resource, java.util.function.Function<Grant, BigDecimal> amount) {
        return grants.values().stream()
                .filter(g -> g.granted.resource().equals(resource))
                .map(amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

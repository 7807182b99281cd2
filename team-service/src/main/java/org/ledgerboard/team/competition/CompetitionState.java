package org.ledgerboard.team.competition;

import org.ledgerboard.core.event.Actor;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.FundingDisbursed;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.OrganiserAppointed;
import org.ledgerboard.core.fold.FundingBook;
import org.ledgerboard.core.fold.TeamRoster;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A competition as its events make it: the aggregate decides against it, and the read side folds the same
 * events into it, so the rules and the views never disagree.
 */
public final class CompetitionState {
    CompetitionLaunched launched;
    Instant launchedAt;
    /** Its teams: the same fold the auditor reads. */
    final TeamRoster roster = new TeamRoster();
    /** Its money: the same fold the auditor's F6 and the funding view read. */
    final FundingBook funding = new FundingBook();
    final Set<String> disbursements = new HashSet<>();
    /** Subjects who may act as organisers of this competition: whoever launched it, and whom an organiser appointed. */
    final Set<String> organisers = new LinkedHashSet<>();

    /** {@code actor} is who recorded the event, as the ledger says (null for events from before actors). */
    public void apply(LedgerEvent event, Instant at, Actor actor) {
        funding.apply(event);
        roster.apply(event);
        if (event instanceof CompetitionLaunched e) {
            launched = e;
            launchedAt = at;
            if (actor != null) {
                organisers.add(actor.subject());
            }
        } else if (event instanceof OrganiserAppointed e) {
            organisers.add(e.subject());
        } else if (event instanceof FundingDisbursed e) {
            disbursements.add(e.disbursementId());
        }
    }

    public boolean exists() {
        return launched != null;
    }

    boolean isActive(String teamId) {
        return roster.isActive(teamId);
    }

}

package org.ledgerboard.evaluation.teams;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import org.ledgerboard.core.event.EventTypes;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.core.event.TeamKeyRotated;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.event.TeamSupportEnded;
import org.ledgerboard.core.event.TeamWithdrew;
import org.ledgerboard.core.fold.TeamRoster;
import org.ledgerboard.service.axon.AggregateCache;
import org.ledgerboard.service.ledger.LedgerPosition;
import org.ledgerboard.service.ledger.LedgerReaction;
import org.ledgerboard.service.ledger.LedgerSubscription;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The teams of each competition as the ledger makes them (the same {@link TeamRoster} fold team-service and the
 * auditor use), so that a submission is checked without asking team-service. Only teams whose selection this
 * instance read are known here: a team selected before it started reading, of a competition dropped to bound
 * memory, or after the partitions moved, is unknown, and {@link TeamDirectory} asks team-service instead. What is
 * known here is never older than team-service's own answer: both fold the same partition, and team-service learns of
 * an elimination only by reacting to the {@code TeamEliminated} read here.
 */
@ApplicationScoped
public class TeamsOnTheLedger implements LedgerReaction {
    private static final Set<String> TYPES = Stream.of(TeamSelected.class, TeamKeyRotated.class, TeamWithdrew.class,
            TeamEliminated.class, TeamSupportEnded.class).map(EventTypes::typeOf).collect(Collectors.toSet());

    /** A team is usually read here within milliseconds of its selection; longer, team-service is asked. */
    private static final Duration READ_WAIT = Duration.ofSeconds(1);

    private final Cache<String, TeamRoster> rosters = Caffeine.newBuilder()
            .maximumSize(AggregateCache.COMPETITIONS).build();
    private final LedgerSubscription subscription;

    TeamsOnTheLedger(LedgerSubscription subscription) {
        this.subscription = subscription;
    }

    @Override
    public boolean wants(String type) {
        return TYPES.contains(type);
    }

    @Override
    public void react(LedgerRecord record, LedgerPosition position) {
        if (!TYPES.contains(record.type())) {
            return;
        }
        TeamRoster roster = rosters.get(record.competitionId(), id -> new TeamRoster());
        synchronized (roster) {
            roster.apply(record.data());
        }
    }

    @Override
    public void partitionsChanged() {
        rosters.invalidateAll(); // another instance may have read what this one now reads: ask team-service again
    }

    /**
     * The team as the ledger has it, or empty when this instance did not read its selection. A team not read yet
     * may have been selected a moment ago (a client selecting teams and then submitting for them): its selection is
     * waited for, as long as this instance reads what was on the ledger when asked within {@link #READ_WAIT}.
     */
    public Optional<TeamRoster.Team> team(String competitionId, String teamId) {
        Optional<TeamRoster.Team> read = teamRead(competitionId, teamId);
        return read.isPresent() || !subscription.awaitReadToNow(READ_WAIT) ? read : teamRead(competitionId, teamId);
    }

    private Optional<TeamRoster.Team> teamRead(String competitionId, String teamId) {
        TeamRoster roster = rosters.getIfPresent(competitionId);
        if (roster == null) {
            return Optional.empty();
        }
        synchronized (roster) {
            return Optional.ofNullable(roster.team(teamId));
        }
    }
}

package org.ledgerboard.evaluation.teams;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.EventTypes;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.OrganiserAppointed;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.core.event.TeamKeyRotated;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.event.TeamSupportEnded;
import org.ledgerboard.core.event.TeamWithdrew;
import org.ledgerboard.core.fold.TeamRoster;
import org.ledgerboard.service.ServiceConfig;
import org.ledgerboard.service.axon.AggregateCache;
import org.ledgerboard.service.ledger.LedgerPosition;
import org.ledgerboard.service.ledger.LedgerReaction;
import org.ledgerboard.service.ledger.LedgerSubscription;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Competitions as the ledger makes them — who organises each and whether it requires signed acts, and its teams (the
 * same {@link TeamRoster} fold team-service and the auditor use) — so that rounds, submissions and evaluations are
 * checked without asking team-service. Only what this instance read is known here: a competition or team recorded
 * before it started reading, of a competition dropped to bound memory, or after the partitions moved, is unknown,
 * and {@link TeamDirectory} asks team-service instead. What is known here is never older than team-service's own
 * answer: both fold the same partition, and team-service learns of an elimination only by reacting to the
 * {@code TeamEliminated} read here.
 */
@ApplicationScoped
public class CompetitionsOnTheLedger implements LedgerReaction {
    private static final Set<String> TYPES = Stream.of(CompetitionLaunched.class, OrganiserAppointed.class,
                    TeamSelected.class, TeamKeyRotated.class, TeamWithdrew.class, TeamEliminated.class,
                    TeamSupportEnded.class)
            .map(EventTypes::typeOf).collect(Collectors.toSet());

    private final Cache<String, Read> competitions = Caffeine.newBuilder()
            .maximumSize(AggregateCache.COMPETITIONS).build();
    private final LedgerSubscription subscription;
    /** A record is usually read here within milliseconds of being written; longer, team-service is asked. */
    private final Duration readWait;

    CompetitionsOnTheLedger(LedgerSubscription subscription, ServiceConfig config) {
        this.subscription = subscription;
        this.readWait = config.reactions().readWait();
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
        Read read = competitions.get(record.competitionId(), id -> new Read());
        synchronized (read) {
            read.apply(record);
        }
    }

    @Override
    public void partitionsChanged() {
        competitions.invalidateAll(); // another instance may have read what this one now reads: ask team-service again
    }

    /**
     * The competition as the ledger has it, or empty when this instance did not read its launch. One not read yet
     * may have been launched a moment ago: it is waited for, as long as this instance reads what was on the ledger
     * when asked within {@link #readWait}. Organisers' acts are few: after a restart, one in a competition launched
     * before waits a poll or two for nothing before team-service is asked.
     */
    public Optional<TeamServiceClient.Competition> competition(String competitionId) {
        Optional<TeamServiceClient.Competition> read = ask(competitionId, Read::competition);
        return read.isPresent() || !readToNow() ? read : ask(competitionId, Read::competition);
    }

    /**
     * The team as the ledger has it, or empty when this instance did not read its selection. In a competition read
     * here from its launch on, a team not read yet may have been selected a moment ago (a client selecting teams,
     * then submitting for them): it is waited for as a competition is. In one read only in part (since a restart, or
     * after it was dropped to bound memory) a team not read was most likely selected before: team-service is asked.
     */
    public Optional<TeamRoster.Team> team(String competitionId, String teamId) {
        Function<Read, Optional<TeamRoster.Team>> question = read -> Optional.ofNullable(read.roster.team(teamId));
        Optional<TeamRoster.Team> read = ask(competitionId, question);
        if (read.isPresent() || !ask(competitionId, Read::whole).orElse(false)
                || !readToNow()) {
            return read;
        }
        return ask(competitionId, question);
    }

    /** Whether this instance has read what was on the ledger now, waiting for it at most {@link #readWait}. */
    public boolean readToNow() {
        return subscription.awaitReadToNow(readWait);
    }

    private <T> Optional<T> ask(String competitionId, Function<Read, Optional<T>> question) {
        Read read = competitions.getIfPresent(competitionId);
        if (read == null) {
            return Optional.empty();
        }
        synchronized (read) {
            return question.apply(read);
        }
    }

    /** One competition as read here, folded as team-service folds it. */
    private static final class Read {
        private final TeamRoster roster = new TeamRoster();
        private final Set<String> organisers = new LinkedHashSet<>(); // the launching subject, then those appointed
        private CompetitionLaunched launched; // null until its launch is read

        void apply(LedgerRecord record) {
            if (record.data() instanceof CompetitionLaunched e) {
                launched = e;
                if (record.actor() != null) { // none for launches from before actors
                    organisers.add(record.actor().subject());
                }
            } else if (record.data() instanceof OrganiserAppointed e) {
                organisers.add(e.subject());
            } else {
                roster.apply(record.data());
            }
        }

        /** Whether this competition was read from its launch on, so that all of it is known here. */
        Optional<Boolean> whole() {
            return Optional.of(launched != null);
        }

        Optional<TeamServiceClient.Competition> competition() {
            return launched == null ? Optional.empty() : Optional.of(new TeamServiceClient.Competition(
                    launched.competitionId(), List.copyOf(organisers), launched.signatures()));
        }
    }
}

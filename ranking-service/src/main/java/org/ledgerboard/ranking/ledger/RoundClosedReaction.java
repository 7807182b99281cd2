package org.ledgerboard.ranking.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jboss.logging.Logger;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.RoundClosed;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.fairness.CompetitionFacts;
import org.ledgerboard.ranking.decision.DecideRound;
import org.ledgerboard.service.ServiceConfig;
import org.ledgerboard.service.axon.ActorMetaData;
import org.ledgerboard.service.ledger.LedgerHistory;
import org.ledgerboard.service.ledger.LedgerPosition;
import org.ledgerboard.service.ledger.LedgerReaction;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * On a RoundClosed, asks for the decision on the competition's ledger up to that record. The facts are folded as
 * the records come, record by record, from the competition's first record: its launch, which team-service writes
 * before any other act in the competition can be taken (one taken before it would have no entitled actor, F8), or
 * the first record of a partition read from its beginning. A competition met mid-stream otherwise (this instance
 * resumed reading its partition, the partitions moved, or competitions of the partition were dropped to bound
 * memory) is first folded from its partition up to that record, once: a read of the partition from its beginning.
 * So the decision stays a function of the log alone, and only a competition met mid-stream costs a partition read.
 */
@ApplicationScoped
class RoundClosedReaction implements LedgerReaction {
    private static final Logger LOG = Logger.getLogger(RoundClosedReaction.class);
    private static final int COMPETITIONS_KEPT = 1_000;

    private final LedgerHistory history;
    private final CommandGateway commands;
    private final ServiceConfig config;
    /** Touched only by the subscription's thread; least recently used competitions are dropped first. */
    private final Map<String, Folded> competitions = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Folded> eldest) {
            if (size() > COMPETITIONS_KEPT) {
                partiallyKept.add(eldest.getValue().partition);
                return true;
            }
            return false;
        }
    };
    /** Per partition, the first offset read since the partitions last changed. */
    private final Map<Integer, Long> readFrom = new HashMap<>();
    /** Partitions some of whose competitions were dropped since then. */
    private final Set<Integer> partiallyKept = new HashSet<>();

    /** A competition's facts up to and including the record at {@code offset} of its partition. */
    private static final class Folded {
        final CompetitionFacts facts = new CompetitionFacts();
        final int partition;
        long offset;

        Folded(int partition) {
            this.partition = partition;
        }
    }

    RoundClosedReaction(LedgerHistory history, CommandGateway commands, ServiceConfig config) {
        this.config = config;
        this.history = history;
        this.commands = commands;
    }

    @Override
    public void react(LedgerRecord record, LedgerPosition position) {
        CompetitionFacts facts = factsUpTo(record, position);
        if (!(record.data() instanceof RoundClosed closed)) {
            return;
        }
        RoundOpened rules = facts.round(closed.roundId());
        if (rules == null) {
            LOG.warnf("RoundClosed %s names round %s, which the ledger never opened; no decision", record.id(),
                    closed.roundId());
            return;
        }
        DecideRound decide = new DecideRound(closed.competitionId(), closed.roundId(), record.id(), rules,
                facts.activeTeams(), facts.scores(closed.roundId()), facts.submittedAt(closed.roundId()),
                facts.finalists());
        commands.sendAndWait(ActorMetaData.byService(config.source(), decide));
        LOG.infof("decided %s on the ledger up to its RoundClosed %s (%d active teams)", closed.roundId(), record.id(),
                facts.activeTeams().size());
    }

    /** The public waits for a round's decision: it is to follow the round's close within milliseconds. */
    @Override
    public boolean live() {
        return true;
    }

    @Override
    public void partitionsChanged() {
        competitions.clear();
        readFrom.clear();
        partiallyKept.clear();
    }

    private CompetitionFacts factsUpTo(LedgerRecord record, LedgerPosition position) {
        long first = readFrom.computeIfAbsent(position.partition(), p -> position.offset());
        Folded folded = competitions.get(record.competitionId());
        if (folded == null) {
            folded = new Folded(position.partition());
            CompetitionFacts facts = folded.facts;
            if (startsTheCompetition(record) || (first == 0 && !partiallyKept.contains(position.partition()))) {
                facts.apply(record.data()); // this is its first record
            } else {
                history.competitionUpTo(record.competitionId(), position).forEach(r -> facts.apply(r.data()));
            }
            folded.offset = position.offset();
            competitions.put(record.competitionId(), folded);
        } else if (position.offset() > folded.offset) {
            folded.facts.apply(record.data());
            folded.offset = position.offset();
        } // else: delivered again after a retry, and folded already
        return folded.facts;
    }

    /**
     * A launch, as its competition's aggregate writes it first. Every competition started while this instance runs
     * is met at it: without this, each was read back from its partition's beginning by a consumer of its own, which
     * was a third of the subscription thread's time in the ranking latency benchmark on a ledger of ~300k records.
     */
    private static boolean startsTheCompetition(LedgerRecord record) {
        return record.data() instanceof CompetitionLaunched && record.sequence() == 0;
    }
}

package org.ledgerboard.ranking.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jboss.logging.Logger;
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

/**
 * On a RoundClosed, folds the competition's ledger up to that record and asks for the decision. Reading the
 * partition itself, rather than a store of what was seen, makes the decision a function of the log alone.
 */
@ApplicationScoped
class RoundClosedReaction implements LedgerReaction {
    private static final Logger LOG = Logger.getLogger(RoundClosedReaction.class);

    private final LedgerHistory history;
    private final CommandGateway commands;
    private final ServiceConfig config;

    RoundClosedReaction(LedgerHistory history, CommandGateway commands, ServiceConfig config) {
        this.config = config;
        this.history = history;
        this.commands = commands;
    }

    @Override
    public void react(LedgerRecord record, LedgerPosition position) {
        if (!(record.data() instanceof RoundClosed closed)) {
            return;
        }
        CompetitionFacts facts = new CompetitionFacts();
        history.competitionUpTo(closed.competitionId(), position).forEach(r -> facts.apply(r.data()));
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
    }
}

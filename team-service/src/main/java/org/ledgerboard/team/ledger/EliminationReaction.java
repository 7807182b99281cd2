package org.ledgerboard.team.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.jboss.logging.Logger;
import org.ledgerboard.core.event.EventTypes;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.service.ServiceConfig;
import org.ledgerboard.service.axon.ActorMetaData;
import org.ledgerboard.service.ledger.LedgerPosition;
import org.ledgerboard.service.ledger.LedgerReaction;
import org.ledgerboard.team.competition.EndSupport;

/** A {@code TeamEliminated} on the ledger, whoever published it, ends the team's support and revokes its funding. */
@ApplicationScoped
class EliminationReaction implements LedgerReaction {
    private static final Logger LOG = Logger.getLogger(EliminationReaction.class);
    private static final String ELIMINATION = EventTypes.typeOf(TeamEliminated.class);

    private final CommandGateway commands;
    private final ServiceConfig config;

    EliminationReaction(CommandGateway commands, ServiceConfig config) {
        this.config = config;
        this.commands = commands;
    }

    @Override
    public boolean wants(String type) {
        return ELIMINATION.equals(type);
    }

    @Override
    public void react(LedgerRecord record, LedgerPosition position) {
        if (!(record.data() instanceof TeamEliminated eliminated)) {
            return;
        }
        try {
            commands.sendAndWait(ActorMetaData.byService(config.source(), new EndSupport(eliminated.competitionId(), eliminated.teamId(), record.id())));
            LOG.infof("support of %s ended on its elimination in %s (%s): undisbursed funding revoked",
                    eliminated.teamId(), eliminated.roundId(), record.id());
        } catch (AggregateNotFoundException unknown) {
            LOG.warnf("elimination %s names competition %s, which team-service does not hold", record.id(),
                    eliminated.competitionId());
        }
    }
}

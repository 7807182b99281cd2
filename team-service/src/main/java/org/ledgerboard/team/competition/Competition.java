package org.ledgerboard.team.competition;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.ledgerboard.core.event.Actor;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.FundingDisbursed;
import org.ledgerboard.core.event.FundingGranted;
import org.ledgerboard.core.event.FundingRevoked;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.OrganiserAppointed;
import org.ledgerboard.core.event.TeamKeyRotated;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.event.TeamSupportEnded;
import org.ledgerboard.core.event.TeamWithdrew;
import org.ledgerboard.service.api.ProblemException;
import org.ledgerboard.service.axon.ActorMetaData;
import org.ledgerboard.core.fold.FundingBook;
import org.ledgerboard.core.fold.TeamRoster;
import org.ledgerboard.service.axon.OncePerRequest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A competition with its budget, its teams and their funding: the consistency boundary of team-service. */
public class Competition extends OncePerRequest {
    @AggregateIdentifier
    private String competitionId;
    private final CompetitionState state = new CompetitionState();

    protected Competition() {
        // rebuilt from its events by Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(LaunchCompetition command) {
        if (state.exists()) {
            throw ProblemException.ruleBroken("unique-id", "competition " + command.competitionId() + " already exists");
        }
        if (command.finalists() < 1 || command.finalists() > 2) {
            throw ProblemException.ruleBroken("finalists-one-or-two",
                    "a competition ends with 1 or 2 finalists, not " + command.finalists());
        }
        apply(new CompetitionLaunched(command.competitionId(), command.name(), command.organiser(),
                command.budget(), command.finalists(), command.signatures()));
    }

    @CommandHandler
    void handle(AppointOrganiser command, MetaData metaData) {
        requireOrganiser(metaData);
        if (state.organisers.contains(command.subject())) {
            throw ProblemException.ruleBroken("organiser-once", command.subject() + " already organises competition "
                    + competitionId);
        }
        apply(new OrganiserAppointed(competitionId, command.subject()));
    }

    @CommandHandler
    void handle(SelectTeam command, MetaData metaData) {
        requireOrganiser(metaData);
        if (state.roster.team(command.teamId()) != null) {
            throw ProblemException.ruleBroken("team-id-unique",
                    "team " + command.teamId() + " is already in competition " + competitionId);
        }
        if (command.publicKey() == null && state.launched.signaturesRequired()) {
            throw ProblemException.invalid("publicKey", "competition " + competitionId + " requires signed "
                    + "submissions: bind the team's Ed25519 public key (JWK) as publicKey");
        }
        apply(new TeamSelected(competitionId, command.teamId(), command.name(), command.leadOrganisation(),
                command.consortium(), command.members(), command.publicKey()));
    }

    /** From this point of the log only the new key signs for the team; revoking leaves it unable to sign until rebound. */
    @CommandHandler
    void handle(RotateTeamKey command, MetaData metaData) {
        requireOrganiser(metaData);
        requireKnownTeam(command.teamId());
        if (Objects.equals(command.publicKey(), state.roster.team(command.teamId()).publicKey())) {
            throw ProblemException.ruleBroken("key-changes", command.publicKey() == null
                    ? "team " + command.teamId() + " has no bound key to revoke"
                    : "that key is already bound to team " + command.teamId());
        }
        apply(new TeamKeyRotated(competitionId, command.teamId(), command.publicKey(), command.reason()));
    }

    @CommandHandler
    void handle(WithdrawTeam command, MetaData metaData) {
        requireOrganiser(metaData);
        requireKnownTeam(command.teamId());
        requireActive(command.teamId());
        apply(new TeamWithdrew(competitionId, command.teamId(), command.reason()));
    }

    @CommandHandler
    void handle(GrantFunding command, MetaData metaData) {
        requireOrganiser(metaData);
        FundingBook funding = state.funding;
        if (funding.grant(command.grantId()) != null) {
            throw ProblemException.ruleBroken("grant-id-unique", "grant " + command.grantId() + " already exists");
        }
        BigDecimal budget = funding.budget(command.resource());
        if (budget == null) {
            throw ProblemException.invalid("resource", "resource " + command.resource()
                    + " has no budget in this competition; budgeted: " + funding.budget().keySet());
        }
        if (!state.isActive(command.teamId())) {
            throw ProblemException.ruleBroken("grant-to-active-team", "team " + command.teamId()
                    + " is not an active team of competition " + competitionId);
        }
        BigDecimal committed = funding.committed(command.resource()).add(command.amount());
        if (committed.compareTo(budget) > 0) {
            throw ProblemException.ruleBroken("budget-per-resource", "granting " + command.amount() + " "
                    + command.resource() + " would commit " + committed + " of a budget of " + budget);
        }
        apply(new FundingGranted(competitionId, command.grantId(), command.teamId(), command.resource(),
                command.amount(), command.round()));
    }

    @CommandHandler
    void handle(DisburseFunding command, MetaData metaData) {
        requireOrganiser(metaData);
        FundingBook.Grant grant = state.funding.grant(command.grantId());
        if (grant == null) {
            throw ProblemException.notFound("no grant " + command.grantId() + " in competition " + competitionId);
        }
        requireActive(grant.teamId());
        if (state.disbursements.contains(command.disbursementId())) {
            throw ProblemException.ruleBroken("disbursement-id-unique", "disbursement " + command.disbursementId()
                    + " was already made");
        }
        if (command.amount().compareTo(grant.remaining()) > 0) {
            throw ProblemException.ruleBroken("disbursement-within-grant", "disbursing " + command.amount()
                    + " exceeds the " + grant.remaining() + " remaining on grant " + command.grantId());
        }
        apply(new FundingDisbursed(competitionId, command.grantId(), command.disbursementId(), command.amount()));
    }

    /** Exactly once per team: a second delivery of the same or another elimination record changes nothing. */
    @CommandHandler
    void handle(EndSupport command) {
        TeamRoster.Team team = state.roster.team(command.teamId());
        if (team == null || team.status() == TeamRoster.Status.ELIMINATED) {
            return;
        }
        apply(new TeamSupportEnded(competitionId, command.teamId(), command.cause()));
        state.funding.grantsOf(command.teamId()).stream()
                .filter(g -> g.remaining().signum() > 0)
                .map(g -> new FundingRevoked(competitionId, g.grantId(), g.remaining(), command.cause()))
                .toList()
                .forEach(revoked -> apply(revoked));
    }

    @EventSourcingHandler
    void on(LedgerEvent event, @Timestamp Instant at, DomainEventMessage<?> message) {
        remember(message);
        if (event instanceof CompetitionLaunched launched) {
            competitionId = launched.competitionId();
        }
        state.apply(event, at, ActorMetaData.actorOf(message.getMetaData()));
    }

    /** Only an organiser of this competition, as its ledger says, selects, withdraws and funds. */
    private void requireOrganiser(MetaData metaData) {
        Actor actor = ActorMetaData.actorOf(metaData);
        if (actor == null || !Actor.ORGANISER.equals(actor.role()) || !state.organisers.contains(actor.subject())) {
            throw ProblemException.notEntitled("organiser-of-competition", (actor == null ? "nobody" : actor.attribute())
                    + " is not an organiser of competition " + competitionId);
        }
    }

    private void requireKnownTeam(String teamId) {
        if (state.roster.team(teamId) == null) {
            throw ProblemException.notFound("no team " + teamId + " in competition " + competitionId);
        }
    }

    private void requireActive(String teamId) {
        if (!state.isActive(teamId)) {
            throw ProblemException.ruleBroken("team-must-be-active", "team " + teamId + " is "
                    + state.roster.team(teamId).status() + " and gets nothing more");
        }
    }
}

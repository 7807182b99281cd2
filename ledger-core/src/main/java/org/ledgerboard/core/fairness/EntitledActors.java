package org.ledgerboard.core.fairness;

import org.ledgerboard.core.event.Actor;
import org.ledgerboard.core.event.CompetitionConcluded;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.EvaluationRecorded;
import org.ledgerboard.core.event.EvaluatorAssigned;
import org.ledgerboard.core.event.FundingRevoked;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.LedgerSealed;
import org.ledgerboard.core.event.OrganiserAppointed;
import org.ledgerboard.core.event.StandingsPublished;
import org.ledgerboard.core.event.SubmissionMade;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.event.TeamSupportEnded;
import org.ledgerboard.core.integrity.Finding;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * F8: every decision was taken by an actor entitled to it at that point of the log, re-decided from the ledger
 * alone. The launching subject organises the competition, and so does any subject an organiser appoints; organisers select, withdraw and fund teams, open,
 * close and score rounds and assign evaluators; a team's members (bound in its selection) submit for it; an
 * evaluator records only its own evaluations, of what it is assigned; eliminations, standings and the conclusion
 * are ranking-service's reactions, the end of support and revocations team-service's. Seals carry their
 * source's signature instead of an actor.
 */
public final class EntitledActors implements FairnessRule {
    static final String RANKING = "/ranking-service";
    static final String TEAMS = "/team-service";

    private final Map<String, Set<String>> organisers = new HashMap<>();

    @Override
    public String name() {
        return "F8";
    }

    @Override
    public void check(long position, LedgerRecord record, CompetitionFacts before, List<Finding> findings) {
        LedgerEvent event = record.data();
        if (event instanceof LedgerSealed) {
            return;
        }
        Actor actor = record.actor();
        String refusal = actor == null ? "no actor is recorded" : refusal(actor, event, before);
        if (refusal != null) {
            findings.add(FairnessRule.finding(name(), position, record, record.type() + " by "
                    + (actor == null ? "nobody" : actor.attribute()) + ": " + refusal));
        } else if (event instanceof CompetitionLaunched) {
            organisers.computeIfAbsent(event.competitionId(), c -> new HashSet<>()).add(actor.subject());
        } else if (event instanceof OrganiserAppointed e) {
            organisers.computeIfAbsent(e.competitionId(), c -> new HashSet<>()).add(e.subject());
        }
    }

    /** Why this actor was not entitled to this act, or null when it was. */
    private String refusal(Actor actor, LedgerEvent event, CompetitionFacts before) {
        if (event instanceof CompetitionLaunched) {
            return Actor.ORGANISER.equals(actor.role()) ? null : "only an organiser launches a competition";
        }
        if (event instanceof SubmissionMade e) {
            TeamSelected team = before.team(e.teamId());
            return Actor.TEAM.equals(actor.role()) && team != null && team.members().contains(actor.subject()) ? null
                    : "not a member of team " + e.teamId();
        }
        if (event instanceof EvaluationRecorded e) {
            EvaluatorAssigned assigned = before.evaluator(e.roundId(), e.evaluatorId());
            return actor.is(Actor.EVALUATOR, e.evaluatorId()) && assigned != null
                    && assigned.criteria().contains(e.criterion()) ? null
                    : "not evaluator " + e.evaluatorId() + " assigned to " + e.criterion() + " in " + e.roundId();
        }
        if (event instanceof TeamEliminated || event instanceof StandingsPublished
                || event instanceof CompetitionConcluded) {
            return actor.is(Actor.SERVICE, RANKING) ? null : "only " + RANKING + " decides rankings";
        }
        if (event instanceof TeamSupportEnded || event instanceof FundingRevoked) {
            return actor.is(Actor.SERVICE, TEAMS) ? null : "only " + TEAMS + " ends support on an elimination";
        }
        boolean organiser = Actor.ORGANISER.equals(actor.role())
                && organisers.getOrDefault(event.competitionId(), Set.of()).contains(actor.subject());
        return organiser ? null : "not an organiser of competition " + event.competitionId();
    }
}

package org.ledgerboard.evaluation.teams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.ledgerboard.core.event.Actor;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.fold.TeamRoster;
import org.ledgerboard.service.api.ProblemException;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * team-service as evaluation-service sees it. A competition or team is read from the ledger when this instance has
 * read it ({@link CompetitionsOnTheLedger}), so that acts do not cost a call each and go on while team-service is
 * busy or down; otherwise team-service is asked. Calls time out after 2 s, are retried twice, and a circuit breaker stops calling a
 * team-service that keeps failing; whatever the cause, the caller gets a 503 and records nothing.
 */
@ApplicationScoped
public class TeamDirectory {
    private final TeamServiceClient teams;
    private final CompetitionsOnTheLedger onTheLedger;
    private final Map<String, Boolean> signaturePolicies = new ConcurrentHashMap<>();

    TeamDirectory(@RestClient TeamServiceClient teams, CompetitionsOnTheLedger onTheLedger) {
        this.teams = teams;
        this.onTheLedger = onTheLedger;
    }

    /** The team, or empty when neither the ledger read here nor team-service knows it. */
    public Optional<TeamServiceClient.Team> team(String competitionId, String teamId) {
        Optional<TeamRoster.Team> read = onTheLedger.team(competitionId, teamId);
        if (read.isPresent()) {
            TeamRoster.Team team = read.get();
            TeamSelected selected = team.selected();
            return Optional.of(new TeamServiceClient.Team(teamId, team.status().name(), selected.leadOrganisation(),
                    selected.consortium(), selected.members(), team.publicKey()));
        }
        return Optional.ofNullable(answer(() -> teams.team(competitionId, teamId)));
    }

    /**
     * Refuses unless the actor organises the competition, as the ledger has it (the launching subject and those
     * appointed); 404 for a competition neither this instance nor team-service knows.
     */
    public TeamServiceClient.Competition requireOrganiser(String competitionId, Actor actor) {
        TeamServiceClient.Competition competition = competition(competitionId);
        if (!competition.organisedBy(actor) && readToNow()) { // one may have been appointed a moment ago
            competition = competition(competitionId);
        }
        if (!competition.organisedBy(actor)) {
            throw ProblemException.notEntitled("organiser-of-competition", actor.attribute()
                    + " is not an organiser of competition " + competitionId);
        }
        return competition;
    }

    /** The competition as the ledger has it (read here, or by team-service); 404 when neither knows it. */
    public TeamServiceClient.Competition competition(String competitionId) {
        TeamServiceClient.Competition competition = onTheLedger.competition(competitionId)
                .orElseGet(() -> answer(() -> teams.competition(competitionId)));
        if (competition == null) {
            throw ProblemException.notFound("team-service knows no competition " + competitionId);
        }
        return competition;
    }

    /** Whether the competition requires signed acts: declared at launch and never changed, so asked once. */
    public boolean signaturesRequired(String competitionId) {
        Boolean required = signaturePolicies.get(competitionId);
        if (required == null) {
            required = competition(competitionId).signaturesRequired();
            signaturePolicies.put(competitionId, required);
        }
        return required;
    }

    /** The team, if the actor is one of its members in this competition; 404 for a team team-service does not know. */
    public TeamServiceClient.Team requireMember(String competitionId, String teamId, Actor actor) {
        TeamServiceClient.Team team = team(competitionId, teamId).orElseThrow(() -> ProblemException.notFound(
                "team-service knows no team " + teamId + " in competition " + competitionId));
        if (team.members() == null || !team.members().contains(actor.subject())) {
            throw ProblemException.notEntitled("member-of-team", actor.attribute() + " is not a member of team "
                    + teamId + " in competition " + competitionId);
        }
        return team;
    }

    /**
     * Whether this instance has read what was on the ledger now (waiting a moment for it), so that a team or
     * competition asked again is as recorded by then: for a check that failed on what was read, before refusing.
     */
    public boolean readToNow() {
        return onTheLedger.readToNow();
    }

    private <T> T answer(Supplier<T> question) {
        try {
            return ask(question);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** The answer, or null for a 404; any other failure counts against team-service. */
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5000)
    <T> T ask(Supplier<T> question) {
        try {
            return question.get();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return null;
            }
            throw new IllegalStateException("team-service answered " + e.getResponse().getStatus(), e);
        }
    }

    private static ProblemException unavailable(RuntimeException cause) {
        if (cause instanceof ProblemException problem) {
            return problem;
        }
        String why = cause instanceof CircuitBreakerOpenException ? "calls are paused after repeated failures"
                : cause instanceof TimeoutException ? "it did not answer in time" : cause.getMessage();
        return ProblemException.unavailable("team-service cannot be asked now (" + why + "); nothing was recorded");
    }
}

package org.ledgerboard.core.fairness;

import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.EvaluationRecorded;
import org.ledgerboard.core.event.EvaluatorAssigned;
import org.ledgerboard.core.event.EvaluatorKeyRotated;
import org.ledgerboard.core.fold.FundingBook;
import org.ledgerboard.core.fold.TeamRoster;
import org.ledgerboard.core.event.RoundClosed;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.PublicKeyJwk;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.RoundScored;
import org.ledgerboard.core.event.SubmissionMade;
import org.ledgerboard.core.event.TeamSelected;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one competition's ledger says so far, as far as its decisions and the fairness rules need: finalists,
 * budget, teams and who belongs to them, the signing keys bound now, which are active, each round's rules,
 * evaluators, submissions,
 * evaluations, scores and whether it closed, and its money ({@link FundingBook}). A fold over events
 * in partition order.
 */
public final class CompetitionFacts {
    private int finalists;
    private final TeamRoster roster = new TeamRoster();
    private final Map<String, EvaluatorAssigned> evaluators = new HashMap<>();
    /** The key bound to each round's evaluator now; absent when none is (or it was revoked). */
    private final Map<String, PublicKeyJwk> boundKeys = new HashMap<>();
    private final Map<String, SubmissionMade> submissions = new LinkedHashMap<>();
    private final Map<String, List<EvaluationRecorded>> evaluations = new HashMap<>();
    private final Set<String> closedRounds = new HashSet<>();
    private final FundingBook funding;
    private final boolean foldsFunding;
    private final Map<String, RoundOpened> rounds = new HashMap<>();
    private final Map<String, Map<String, Instant>> submittedAt = new HashMap<>();
    /** Per round and team, the id of the team's first submission in ledger order. */
    private final Map<String, Map<String, String>> firstSubmissions = new HashMap<>();
    private final Map<String, List<RoundScored>> scores = new HashMap<>();

    /** Facts that fold their own money. */
    public CompetitionFacts() {
        this(new FundingBook(), true);
    }

    private CompetitionFacts(FundingBook funding, boolean foldsFunding) {
        this.funding = funding;
        this.foldsFunding = foldsFunding;
    }

    /**
     * Facts whose money is {@code funding}, a book that its owner folds from the same events: one fold of the money
     * where a reader also keeps the views (the auditor), instead of the same grants summed and kept twice. The
     * owner folds each event after these facts have been asked about it, as {@link #apply} would.
     */
    public static CompetitionFacts sharingFunding(FundingBook funding) {
        return new CompetitionFacts(funding, false);
    }

    public void apply(LedgerEvent event) {
        if (foldsFunding) {
            funding.apply(event);
        }
        roster.apply(event);
        if (event instanceof CompetitionLaunched e) {
            finalists = e.finalists();
        } else if (event instanceof RoundOpened e) {
            rounds.putIfAbsent(e.roundId(), e);
        } else if (event instanceof EvaluatorAssigned e) {
            evaluators.put(e.roundId() + " " + e.evaluatorId(), e);
            bind(evaluatorHolder(e.roundId(), e.evaluatorId()), e.publicKey());
        } else if (event instanceof EvaluatorKeyRotated e && evaluator(e.roundId(), e.evaluatorId()) != null) {
            bind(evaluatorHolder(e.roundId(), e.evaluatorId()), e.publicKey());
        } else if (event instanceof SubmissionMade e) {
            submittedAt.computeIfAbsent(e.roundId(), r -> new LinkedHashMap<>()).putIfAbsent(e.teamId(), e.submittedAt());
            firstSubmissions.computeIfAbsent(e.roundId(), r -> new HashMap<>()).putIfAbsent(e.teamId(), e.submissionId());
            submissions.put(e.submissionId(), e);
        } else if (event instanceof EvaluationRecorded e) {
            evaluations.computeIfAbsent(e.submissionId(), s -> new ArrayList<>()).add(e);
        } else if (event instanceof RoundScored e) {
            scores.computeIfAbsent(e.roundId(), r -> new ArrayList<>()).add(e);
        } else if (event instanceof RoundClosed e) {
            closedRounds.add(e.roundId());
        }
    }

    private void bind(String holder, PublicKeyJwk key) {
        if (key == null) {
            boundKeys.remove(holder);
        } else {
            boundKeys.put(holder, key);
        }
    }

    private static String evaluatorHolder(String roundId, String evaluatorId) {
        return "evaluator " + roundId + " " + evaluatorId;
    }

    /** The key bound to the team at this point of the log, or null. */
    public PublicKeyJwk teamKey(String teamId) {
        TeamRoster.Team team = roster.team(teamId);
        return team == null ? null : team.publicKey();
    }

    /** The key bound to the round's evaluator at this point of the log, or null. */
    public PublicKeyJwk evaluatorKey(String roundId, String evaluatorId) {
        return boundKeys.get(evaluatorHolder(roundId, evaluatorId));
    }

    public int finalists() {
        return finalists;
    }

    /** Selected, neither withdrawn nor eliminated, in order of selection. */
    public List<String> activeTeams() {
        return roster.active();
    }

    public RoundOpened round(String roundId) {
        return rounds.get(roundId);
    }

    public Map<String, Instant> submittedAt(String roundId) {
        return Map.copyOf(submittedAt.getOrDefault(roundId, Map.of()));
    }

    public List<RoundScored> scores(String roundId) {
        return List.copyOf(scores.getOrDefault(roundId, List.of()));
    }

    public boolean isActive(String teamId) {
        return roster.isActive(teamId);
    }

    public TeamSelected team(String teamId) {
        TeamRoster.Team team = roster.team(teamId);
        return team == null ? null : team.selected();
    }

    public boolean isEliminated(String teamId) {
        return roster.isEliminated(teamId);
    }

    public EvaluatorAssigned evaluator(String roundId, String evaluatorId) {
        return evaluators.get(roundId + " " + evaluatorId);
    }

    public SubmissionMade submission(String submissionId) {
        return submissions.get(submissionId);
    }

    /** Whether the team submitted to the round. */
    public boolean submitted(String roundId, String teamId) {
        return submittedAt.getOrDefault(roundId, Map.of()).containsKey(teamId);
    }

    /** The team's first submission to the round in ledger order, or null. */
    public SubmissionMade firstSubmission(String roundId, String teamId) {
        String id = firstSubmissions.getOrDefault(roundId, Map.of()).get(teamId);
        SubmissionMade submission = id == null ? null : submissions.get(id);
        if (submission != null && (!submission.roundId().equals(roundId) || !submission.teamId().equals(teamId))) {
            // its id was recorded again for another round or team (the ids rule reports it): the first still standing
            return submissions(roundId).stream().filter(s -> s.teamId().equals(teamId)).findFirst().orElse(null);
        }
        return submission;
    }

    /** The round's submissions, in ledger order. */
    public List<SubmissionMade> submissions(String roundId) {
        return submissions.values().stream().filter(s -> s.roundId().equals(roundId)).toList();
    }

    public List<EvaluationRecorded> evaluations(String submissionId) {
        return List.copyOf(evaluations.getOrDefault(submissionId, List.of()));
    }

    public boolean isClosed(String roundId) {
        return closedRounds.contains(roundId);
    }

    /** The competition's teams: who was selected, where each stands, the key bound to it. */
    public TeamRoster roster() {
        return roster;
    }

    /** The competition's money: budget, grants, and what was disbursed and revoked of them. */
    public FundingBook funding() {
        return funding;
    }
}

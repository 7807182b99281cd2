package org.ledgerboard.evaluation.round;

import org.ledgerboard.core.event.EvaluationRecorded;
import org.ledgerboard.core.event.EvaluatorAssigned;
import org.ledgerboard.core.event.EvaluatorKeyRotated;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.PublicKeyJwk;
import org.ledgerboard.core.event.RoundClosed;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.RoundScored;
import org.ledgerboard.core.event.SubmissionMade;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rounds of one competition as their events make them; the aggregate decides against it and the read side
 * folds the same events into it.
 */
public final class EvaluationState {
    /** One round: its declared rules and everything recorded in it. */
    public static final class Round {
        private final RoundOpened opened;
        private final Map<String, EvaluatorAssigned> evaluators = new LinkedHashMap<>();
        private final Map<String, PublicKeyJwk> boundKeys = new HashMap<>();
        private final Map<String, SubmissionMade> submissions = new LinkedHashMap<>();
        private final List<EvaluationRecorded> evaluations = new ArrayList<>();
        private final List<RoundScored> scores = new ArrayList<>();
        private RoundClosed closed;
        // indexes of the two above, so that a submission or evaluation is checked in constant time, not by a scan
        // of the round (which made each one cost more as a round filled up)
        private final Set<String> submittingTeams = new HashSet<>();
        private final Map<String, List<EvaluationRecorded>> evaluationsBySubmission = new HashMap<>();

        Round(RoundOpened opened) {
            this.opened = opened;
        }

        public RoundOpened opened() {
            return opened;
        }

        public boolean isClosed() {
            return closed != null;
        }

        public Map<String, EvaluatorAssigned> evaluators() {
            return evaluators;
        }

        /** The key bound to the evaluator now: from its assignment or latest rotation; null when none or revoked. */
        public PublicKeyJwk keyOf(String evaluatorId) {
            return boundKeys.get(evaluatorId);
        }

        private void bind(String evaluatorId, PublicKeyJwk key) {
            if (key == null) {
                boundKeys.remove(evaluatorId);
            } else {
                boundKeys.put(evaluatorId, key);
            }
        }

        public Map<String, SubmissionMade> submissions() {
            return submissions;
        }

        public List<EvaluationRecorded> evaluations() {
            return evaluations;
        }

        public List<EvaluationRecorded> evaluationsOf(String submissionId) {
            return Collections.unmodifiableList(evaluationsBySubmission.getOrDefault(submissionId, List.of()));
        }

        public List<RoundScored> scores() {
            return scores;
        }

        public boolean hasSubmissionFrom(String teamId) {
            return submittingTeams.contains(teamId);
        }

        private void submitted(SubmissionMade submission) {
            submissions.put(submission.submissionId(), submission);
            submittingTeams.add(submission.teamId());
        }

        private void evaluated(EvaluationRecorded evaluation) {
            evaluations.add(evaluation);
            evaluationsBySubmission.computeIfAbsent(evaluation.submissionId(), s -> new ArrayList<>()).add(evaluation);
        }

        /** Value equality, so Axon's fixture can tell a replayed round from the one a command changed. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Round r && opened.equals(r.opened) && evaluators.equals(r.evaluators)
                    && boundKeys.equals(r.boundKeys)
                    && submissions.equals(r.submissions) && evaluations.equals(r.evaluations)
                    && scores.equals(r.scores) && Objects.equals(closed, r.closed);
        }

        @Override
        public int hashCode() {
            return opened.hashCode();
        }
    }

    private final Map<String, Round> rounds = new LinkedHashMap<>();
    private Round latest;

    public void apply(LedgerEvent event) {
        if (event instanceof RoundOpened e) {
            latest = new Round(e);
            rounds.put(e.roundId(), latest);
        } else if (event instanceof EvaluatorAssigned e) {
            Round round = rounds.get(e.roundId());
            round.evaluators.put(e.evaluatorId(), e);
            round.bind(e.evaluatorId(), e.publicKey());
        } else if (event instanceof EvaluatorKeyRotated e) {
            rounds.get(e.roundId()).bind(e.evaluatorId(), e.publicKey());
        } else if (event instanceof SubmissionMade e) {
            rounds.get(e.roundId()).submitted(e);
        } else if (event instanceof EvaluationRecorded e) {
            rounds.get(e.roundId()).evaluated(e);
        } else if (event instanceof RoundScored e) {
            rounds.get(e.roundId()).scores.add(e);
        } else if (event instanceof RoundClosed e) {
            rounds.get(e.roundId()).closed = e;
        }
    }

    public Round round(String roundId) {
        return rounds.get(roundId);
    }

    public Collection<Round> rounds() {
        return rounds.values();
    }

    /** The most recently opened round, or null before the first. */
    public Round latest() {
        return latest;
    }
}

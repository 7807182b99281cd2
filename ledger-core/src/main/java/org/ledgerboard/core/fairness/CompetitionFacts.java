package org.ledgerboard.core.fairness;

import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.RoundScored;
import org.ledgerboard.core.event.SubmissionMade;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.event.TeamWithdrew;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one competition's ledger says a round decision rests on: the finalist count, which teams are active, each
 * round's declared rules, submission times and scores. A fold over events in partition order; other events are
 * ignored.
 */
public final class CompetitionFacts {
    private int finalists;
    private final List<String> selected = new ArrayList<>();
    private final Set<String> gone = new HashSet<>();
    private final Map<String, RoundOpened> rounds = new HashMap<>();
    private final Map<String, Map<String, Instant>> submittedAt = new HashMap<>();
    private final Map<String, List<RoundScored>> scores = new HashMap<>();

    public void apply(LedgerEvent event) {
        if (event instanceof CompetitionLaunched e) {
            finalists = e.finalists();
        } else if (event instanceof TeamSelected e && !selected.contains(e.teamId())) {
            selected.add(e.teamId());
        } else if (event instanceof TeamWithdrew e) {
            gone.add(e.teamId());
        } else if (event instanceof TeamEliminated e) {
            gone.add(e.teamId());
        } else if (event instanceof RoundOpened e) {
            rounds.put(e.roundId(), e);
        } else if (event instanceof SubmissionMade e) {
            submittedAt.computeIfAbsent(e.roundId(), r -> new LinkedHashMap<>()).putIfAbsent(e.teamId(), e.submittedAt());
        } else if (event instanceof RoundScored e) {
            scores.computeIfAbsent(e.roundId(), r -> new ArrayList<>()).add(e);
        }
    }

    public int finalists() {
        return finalists;
    }

    /** Selected, neither withdrawn nor eliminated, in order of selection. */
    public List<String> activeTeams() {
        return selected.stream().filter(t -> !gone.contains(t)).toList();
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
}

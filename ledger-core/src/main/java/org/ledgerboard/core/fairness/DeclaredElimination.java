package org.ledgerboard.core.fairness;

import org.ledgerboard.core.event.CompetitionConcluded;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.RoundClosed;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.Standing;
import org.ledgerboard.core.event.StandingsPublished;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.core.integrity.Finding;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * F5: standings, eliminations and the conclusion are exactly what the declared rule gives on the round's facts
 * as they stood at RoundClosed: no more, no fewer, never below the finalist count.
 */
public final class DeclaredElimination implements FairnessRule {
    /** What a round's close must lead to, and what of it the ledger has shown so far. */
    private static final class Expected {
        final EliminationRule.Decision decision;
        final Set<String> eliminatedSeen = new HashSet<>();
        boolean standingsSeen;

        Expected(EliminationRule.Decision decision) {
            this.decision = decision;
        }
    }

    private final Map<String, Expected> rounds = new HashMap<>();
    private final Map<String, EliminationRule.Decision> latest = new HashMap<>();

    @Override
    public String name() {
        return "F5";
    }

    @Override
    public void check(long position, LedgerRecord record, CompetitionFacts before, List<Finding> findings) {
        String c = record.competitionId();
        if (record.data() instanceof RoundClosed closed) {
            RoundOpened rules = before.round(closed.roundId());
            if (rules != null) {
                EliminationRule.Decision decision = EliminationRule.decide(rules, before.activeTeams(),
                        before.scores(closed.roundId()), before.submittedAt(closed.roundId()), before.finalists());
                rounds.put(c + " " + closed.roundId(), new Expected(decision));
                latest.put(c, decision);
            }
        } else if (record.data() instanceof StandingsPublished published) {
            Expected expected = rounds.get(c + " " + published.roundId());
            if (expected == null) {
                findings.add(FairnessRule.finding(name(), position, record, "standings for round "
                        + published.roundId() + ", which has not closed"));
            } else if (!sameStandings(expected.decision.standings(), published.standings())) {
                findings.add(FairnessRule.finding(name(), position, record, "standings " + published.standings()
                        + " differ from the declared rule's " + expected.decision.standings()));
            } else {
                expected.standingsSeen = true;
            }
        } else if (record.data() instanceof TeamEliminated eliminated) {
            Expected expected = rounds.get(c + " " + eliminated.roundId());
            boolean given = expected != null && expected.decision.eliminated().stream()
                    .anyMatch(s -> s.teamId().equals(eliminated.teamId()));
            if (!given || !expected.eliminatedSeen.add(eliminated.teamId())) {
                findings.add(FairnessRule.finding(name(), position, record, "team " + eliminated.teamId()
                        + " eliminated in round " + eliminated.roundId() + ", which the declared rule does not give"));
            }
        } else if (record.data() instanceof CompetitionConcluded concluded) {
            EliminationRule.Decision decision = latest.get(c);
            if (decision == null || !decision.finalists().equals(concluded.finalists())) {
                findings.add(FairnessRule.finding(name(), position, record, "concluded with " + concluded.finalists()
                        + " but the declared rule gives " + (decision == null ? "no conclusion" : decision.finalists())));
            }
        }
    }

    /** A decided round must show every elimination its rule gives. */
    @Override
    public void finish(Map<String, CompetitionFacts> competitions, List<Finding> findings) {
        rounds.forEach((round, expected) -> {
            if (expected.standingsSeen) {
                expected.decision.eliminated().stream()
                        .filter(s -> !expected.eliminatedSeen.contains(s.teamId()))
                        .forEach(s -> findings.add(new Finding(name(), -1, null, "round " + round + ": team "
                                + s.teamId() + " should have been eliminated by the declared rule but was not")));
            }
        });
    }

    private static boolean sameStandings(List<Standing> expected, List<Standing> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            Standing e = expected.get(i);
            Standing a = actual.get(i);
            boolean sameTotal = e.total() == null ? a.total() == null : a.total() != null && e.total().compareTo(a.total()) == 0;
            if (!e.teamId().equals(a.teamId()) || e.rank() != a.rank() || e.submitted() != a.submitted() || !sameTotal) {
                return false;
            }
        }
        return true;
    }
}

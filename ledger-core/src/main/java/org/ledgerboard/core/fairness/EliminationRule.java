package org.ledgerboard.core.fairness;

import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.RoundScored;
import org.ledgerboard.core.event.Standing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How a closed round decides (fairness rule F5), as one pure function used by ranking-service to decide and by
 * the auditor to check: the active teams are ranked by weighted total, ties broken in the round's declared order
 * ({@code criterion:NAME} higher mean first, {@code earliestSubmission}, {@code teamId}); an active team that
 * submitted nothing ranks last. The declared number of teams is eliminated from the bottom, never leaving fewer
 * than the finalist count; when the remaining teams reach it, the competition concludes.
 */
public final class EliminationRule {
    private EliminationRule() {
    }

    /** What a round's close decides. {@code finalists} is empty unless the competition concludes. */
    public record Decision(List<Standing> standings, List<Standing> eliminated, String rule, List<String> finalists) {
        public boolean concludes() {
            return !finalists.isEmpty();
        }
    }

    /**
     * @param activeTeams teams selected, not withdrawn and not eliminated when the round closed
     * @param scores the round's {@code RoundScored} events
     * @param submittedAt when each team submitted in the round
     * @param finalistCount the competition's finalists (1 or 2)
     */
    public static Decision decide(RoundOpened round, List<String> activeTeams, List<RoundScored> scores,
                                  Map<String, Instant> submittedAt, int finalistCount) {
        List<RoundScored> ranked = scores.stream()
                .filter(s -> activeTeams.contains(s.teamId()))
                .sorted(order(round, submittedAt))
                .toList();
        List<Standing> standings = new ArrayList<>();
        ranked.forEach(s -> standings.add(new Standing(s.teamId(), s.total(), standings.size() + 1, true)));
        activeTeams.stream()
                .filter(t -> ranked.stream().noneMatch(s -> s.teamId().equals(t)))
                .sorted()
                .forEach(t -> standings.add(new Standing(t, null, standings.size() + 1, false)));

        int eliminate = Math.max(0, Math.min(round.eliminate(), standings.size() - finalistCount));
        List<Standing> eliminated = List.copyOf(standings.subList(standings.size() - eliminate, standings.size()));
        List<String> remaining = standings.subList(0, standings.size() - eliminate).stream().map(Standing::teamId).toList();
        String rule = "eliminate the lowest " + round.eliminate() + " of round " + round.number()
                + " (declared in RoundOpened " + round.roundId() + "), never fewer than " + finalistCount
                + " finalists remaining; teams without a submission rank last";
        List<String> finalists = remaining.size() <= finalistCount ? remaining : List.of();
        return new Decision(List.copyOf(standings), eliminated, rule, finalists);
    }

    private static Comparator<RoundScored> order(RoundOpened round, Map<String, Instant> submittedAt) {
        Comparator<RoundScored> order = Comparator.comparing(RoundScored::total, Comparator.reverseOrder());
        for (String tieBreak : round.tieBreak()) {
            if (tieBreak.startsWith("criterion:")) {
                String criterion = tieBreak.substring("criterion:".length());
                order = order.thenComparing(s -> s.criterionMeans().getOrDefault(criterion, BigDecimal.ZERO),
                        Comparator.reverseOrder());
            } else if (tieBreak.equals("earliestSubmission")) {
                order = order.thenComparing(s -> submittedAt.getOrDefault(s.teamId(), Instant.MAX));
            } else if (tieBreak.equals("teamId")) {
                order = order.thenComparing(RoundScored::teamId);
            } else {
                throw new IllegalArgumentException("unknown tie-break " + tieBreak);
            }
        }
        return order.thenComparing(RoundScored::teamId);
    }
}

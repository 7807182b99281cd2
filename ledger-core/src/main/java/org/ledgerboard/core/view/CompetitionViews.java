package org.ledgerboard.core.view;

import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.RoundScored;
import org.ledgerboard.core.event.Standing;
import org.ledgerboard.core.event.SubmissionMade;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.core.fold.FundingBook;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The three views of one competition that anyone can recompute from the ledger: standings, funding, rounds. */
public record CompetitionViews(String competitionId, Standings standings, Funding funding, List<RoundHistory> rounds) {

    /** Per round and current (the latest round decided); teams eliminated so far; finalists once concluded. */
    public record Standings(String currentRound, List<Standing> current, Map<String, List<Standing>> byRound,
                            List<String> eliminated, List<String> finalists) {
    }

    /** Per resource against its budget, and per team and resource. */
    public record Funding(Map<String, Amounts> totals, Map<String, BigDecimal> budget,
                          Map<String, Map<String, Amounts>> teams) {
    }

    /** Granted, disbursed, revoked, and what remains to be paid out ({@link FundingBook}'s words). */
    public record Amounts(BigDecimal granted, BigDecimal disbursed, BigDecimal revoked, BigDecimal remaining) {
        static Amounts of(FundingBook.Amounts amounts) {
            return new Amounts(amounts.granted(), amounts.disbursed(), amounts.revoked(), amounts.remaining());
        }
    }

    /** A round's declared rules, its submissions (digests, times), evaluation counts, scores and eliminations. */
    public record RoundHistory(RoundOpened rules, boolean closed, List<SubmissionMade> submissions,
                               Map<String, Map<String, Integer>> evaluationCounts, List<RoundScored> scores,
                               List<TeamEliminated> eliminations) {
    }
}

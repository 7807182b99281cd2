package org.ledgerboard.team.competition;

import org.ledgerboard.core.fold.FundingBook;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code GET /competitions/{c}}: the competition, its budget with granted, disbursed and revoked totals, its teams. */
public record CompetitionView(String competitionId, String name, String organiser, List<String> organisers,
                              int finalists, String signatures, Instant launchedAt,
                              Map<String, ResourceTotals> budget, List<TeamView> teams) {

    /**
     * One resource: its budget, what was granted, disbursed and revoked, what the budget is bound to (committed),
     * what is still to be paid out (remaining) and what can still be granted (uncommitted); {@link FundingBook}.
     */
    public record ResourceTotals(BigDecimal budget, BigDecimal granted, BigDecimal disbursed, BigDecimal revoked,
                                 BigDecimal committed, BigDecimal remaining, BigDecimal uncommitted) {
        static ResourceTotals of(BigDecimal budget, FundingBook.Amounts amounts) {
            return new ResourceTotals(budget, amounts.granted(), amounts.disbursed(), amounts.revoked(),
                    amounts.committed(), amounts.remaining(), budget.subtract(amounts.committed()));
        }
    }
}

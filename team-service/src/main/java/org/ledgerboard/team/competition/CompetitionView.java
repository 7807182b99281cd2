package org.ledgerboard.team.competition;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code GET /competitions/{c}}: the competition, its budget with granted, disbursed and revoked totals, its teams. */
public record CompetitionView(String competitionId, String name, String organiser, List<String> organisers,
                              int finalists, String signatures, Instant launchedAt,
                              Map<String, ResourceTotals> budget, List<TeamView> teams) {

    /** One resource: its budget, what was granted, paid out and revoked, and what is still uncommitted. */
    public record ResourceTotals(BigDecimal budget, BigDecimal granted, BigDecimal disbursed, BigDecimal revoked,
                                 BigDecimal available) {
    }
}

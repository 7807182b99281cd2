package org.ledgerboard.core.event;

import java.time.Instant;
import java.util.List;

/**
 * A round opened and declared, once and for all, everything it will be judged by: the submission deadline,
 * the weighted criteria, the scale of totals (decimal places, HALF_EVEN), how many teams the round eliminates
 * and the tie-break order ({@code criterion:NAME}, {@code earliestSubmission}, {@code teamId}).
 */
public record RoundOpened(String competitionId, String roundId, int number, Instant submissionDeadline,
                          List<Criterion> criteria, int decimals, int eliminate, List<String> tieBreak)
        implements LedgerEvent {
    public RoundOpened {
        criteria = Collections2.copy(criteria);
        tieBreak = Collections2.copy(tieBreak);
    }
}

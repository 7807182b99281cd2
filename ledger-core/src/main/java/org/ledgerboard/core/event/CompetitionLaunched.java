package org.ledgerboard.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The organiser launched a competition with a budget per resource and the number of finalists it ends with, and
 * declared for good whether submissions and evaluations must be signed ({@code signatures}: {@value #REQUIRED},
 * also when absent, or {@value #OPTIONAL}).
 */
public record CompetitionLaunched(String competitionId, String name, String organiser,
                                  Map<String, BigDecimal> budget, int finalists,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String signatures)
        implements LedgerEvent {
    public static final String REQUIRED = "required";
    public static final String OPTIONAL = "optional";

    public CompetitionLaunched {
        budget = Collections2.sortedCopy(budget);
        if (signatures != null && !REQUIRED.equals(signatures) && !OPTIONAL.equals(signatures)) {
            throw new IllegalArgumentException("signatures must be required or optional, got " + signatures);
        }
    }

    /** Launched under the default policy: signatures required. */
    public CompetitionLaunched(String competitionId, String name, String organiser, Map<String, BigDecimal> budget,
                               int finalists) {
        this(competitionId, name, organiser, budget, finalists, REQUIRED);
    }

    public boolean signaturesRequired() {
        return !OPTIONAL.equals(signatures);
    }
}

package org.ledgerboard.core.event;

import java.util.List;

/** An evaluator, with the organisation they belong to, may score the listed criteria in a round. */
public record EvaluatorAssigned(String competitionId, String roundId, String evaluatorId, String affiliation,
                                List<String> criteria) implements LedgerEvent {
    public EvaluatorAssigned {
        criteria = Collections2.copy(criteria);
    }
}

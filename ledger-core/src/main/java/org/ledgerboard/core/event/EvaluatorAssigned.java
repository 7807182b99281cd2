package org.ledgerboard.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An evaluator, with the organisation they belong to, may score the listed criteria in a round, signing with its key. */
public record EvaluatorAssigned(String competitionId, String roundId, String evaluatorId, String affiliation,
                                List<String> criteria,
                                @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable PublicKeyJwk publicKey) implements LedgerEvent {
    public EvaluatorAssigned {
        criteria = Collections2.copy(criteria);
    }

    /** An evaluator without a bound key (allowed only where signatures are optional). */
    public EvaluatorAssigned(String competitionId, String roundId, String evaluatorId, String affiliation,
                             List<String> criteria) {
        this(competitionId, roundId, evaluatorId, affiliation, criteria, null);
    }
}

package org.ledgerboard.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An organiser bound a new signing key to an evaluator of a round, or revoked its key ({@code publicKey} absent):
 * from this point of the log only the new key signs the evaluator's scores in that round.
 */
public record EvaluatorKeyRotated(String competitionId, String roundId, String evaluatorId,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable PublicKeyJwk publicKey,
                                  String reason) implements LedgerEvent {
}

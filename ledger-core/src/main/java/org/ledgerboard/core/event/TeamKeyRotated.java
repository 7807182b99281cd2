package org.ledgerboard.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An organiser bound a new signing key to a team, or revoked its key ({@code publicKey} absent): from this point of
 * the log only the new key signs for the team; what it signed before stays valid.
 */
public record TeamKeyRotated(String competitionId, String teamId,
                             @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable PublicKeyJwk publicKey,
                             String reason) implements LedgerEvent {
}

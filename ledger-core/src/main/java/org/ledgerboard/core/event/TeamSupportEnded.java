package org.ledgerboard.core.event;

/**
 * team-service stopped supporting a team because the ledger recorded its elimination; {@code cause} is the id of
 * that {@code TeamEliminated} event. The undisbursed remainder of each grant is revoked right after.
 */
public record TeamSupportEnded(String competitionId, String teamId, String cause) implements LedgerEvent {
}

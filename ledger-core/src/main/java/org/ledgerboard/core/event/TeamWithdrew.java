package org.ledgerboard.core.event;

/** A team left the competition of its own accord. */
public record TeamWithdrew(String competitionId, String teamId, String reason) implements LedgerEvent {
}

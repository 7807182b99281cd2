package org.ledgerboard.core.event;

/** An organiser of the competition made another subject an organiser of it too. */
public record OrganiserAppointed(String competitionId, String subject) implements LedgerEvent {
}

package org.ledgerboard.service.ledger;

/** What a command answers: the id of the thing it created or changed, and the id and hash of its ledger event. */
public record Receipt(String id, String eventId, String hash) {
}

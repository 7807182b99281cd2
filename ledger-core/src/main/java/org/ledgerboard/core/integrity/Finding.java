package org.ledgerboard.core.integrity;

/** One failed check: which check, the record's position in the ledger (offset or line) and its event id. */
public record Finding(String check, long position, String eventId, String message) {
    @Override
    public String toString() {
        return check + " at position " + position + (eventId == null ? "" : " (event " + eventId + ")") + ": " + message;
    }
}

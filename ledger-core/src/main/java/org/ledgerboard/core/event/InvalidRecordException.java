package org.ledgerboard.core.event;

/** A ledger record that does not follow the event contract; the message names what is wrong. */
public class InvalidRecordException extends RuntimeException {
    public InvalidRecordException(String message) {
        super(message);
    }

    public InvalidRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}

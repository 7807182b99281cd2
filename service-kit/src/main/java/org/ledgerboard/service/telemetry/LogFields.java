package org.ledgerboard.service.telemetry;

/**
 * The fields a log line carries (MDC) besides Quarkus's {@code traceId} and {@code spanId}: JSON logs show them as
 * such, so an operator finds every line of a competition or an actor. An actor is named by role and subject,
 * never by its token.
 */
public final class LogFields {
    public static final String COMPETITION = "competitionId";
    public static final String ACTOR = "actor";

    private LogFields() {
    }
}

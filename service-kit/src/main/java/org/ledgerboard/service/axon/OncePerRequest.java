package org.ledgerboard.service.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.ledgerboard.service.api.ProblemException;

import java.util.HashMap;
import java.util.Map;

/**
 * An aggregate that acts on each client request at most once. A command carries its request's name as metadata
 * ({@link #REQUEST}), every event it records keeps it, and a command whose request the aggregate already
 * recorded is answered with what was recorded instead of being handled again. So a retry after a crash, a
 * timeout or a lost idempotency record is resolved by the facts, never by acting twice; and because the check
 * runs inside the aggregate, it holds against concurrent retries too.
 */
public abstract class OncePerRequest {
    /** Metadata naming the client request a command and its events belong to. */
    public static final String REQUEST = "request";
    /** Metadata holding a hash of that request's input: the same request name with other input is refused. */
    public static final String INPUT = "requestInput";

    private final Map<String, Recorded> recorded = new HashMap<>();

    /** The answer to a repeated request: the sequence number of the last event the first delivery recorded. */
    public record Recorded(long sequence, Object input) {
    }

    @CommandHandlerInterceptor
    Object actOnce(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Recorded earlier = recorded.get(command.getMetaData().get(REQUEST));
        if (earlier == null) {
            return chain.proceed();
        }
        // events recorded before inputs were kept carry none: their request name alone decides
        if (earlier.input() != null && !earlier.input().equals(command.getMetaData().get(INPUT))) {
            throw ProblemException.ruleBroken("idempotency-key-reused",
                    "this Idempotency-Key was already used for a different request");
        }
        return earlier;
    }

    /** To be called by the aggregate's event-sourcing handler with each event it applies. */
    protected void remember(DomainEventMessage<?> event) {
        if (event.getMetaData().get(REQUEST) instanceof String request) {
            recorded.put(request, new Recorded(event.getSequenceNumber(), event.getMetaData().get(INPUT)));
        }
    }
}

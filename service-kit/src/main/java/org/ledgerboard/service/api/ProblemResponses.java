package org.ledgerboard.service.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.stream.Collectors;

/** Turns whatever a request failed with into its problem+json answer; the one place that decides statuses. */
public final class ProblemResponses {
    /** A dependency that did not answer usually does again within seconds (restart, circuit half-open). */
    private static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);
    private ProblemResponses() {
    }

    public static Response of(Throwable failure) {
        return response(problemOf(failure));
    }

    public static Response response(Problem problem) {
        Response.ResponseBuilder answer = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 503) {
            answer.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        if (problem.status() == 401) {
            answer.header("WWW-Authenticate", "Bearer realm=\"ledgerboard\"");
        }
        return answer.build();
    }

    static Problem problemOf(Throwable failure) {
        if (failure instanceof ProblemException refused) {
            return refused.problem();
        }
        if (failure instanceof JsonMappingException mapping && mapping.getCause() instanceof ProblemException refused) {
            return refused.problem();
        }
        if (failure instanceof JsonMappingException mapping) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return ProblemException.invalid(field.isEmpty() ? null : field,
                    "invalid JSON" + (field.isEmpty() ? "" : " at '" + field + "'") + ": "
                            + firstLine(mapping.getOriginalMessage())).problem();
        }
        if (failure instanceof JsonProcessingException json) {
            return ProblemException.invalid(null, "malformed JSON: " + firstLine(json.getOriginalMessage())).problem();
        }
        if (failure instanceof AuthenticationFailedException) {
            // the cause may quote the token's claims: it is neither logged nor answered
            return ProblemException.unauthenticated("the bearer token is not valid here (signature, issuer, "
                    + "audience, expiry or algorithm)").problem();
        }
        if (failure instanceof UnauthorizedException) {
            return ProblemException.unauthenticated("this act needs an Authorization: Bearer token").problem();
        }
        if (failure instanceof ForbiddenException) {
            return ProblemException.notEntitled("role", "this act needs another role than the token's").problem();
        }
        if (failure instanceof AggregateNotFoundException) {
            return ProblemException.notFound(failure.getMessage()).problem();
        }
        if (failure instanceof AggregateStreamCreationException) {
            return ProblemException.ruleBroken("unique-id", "something with this id already exists").problem();
        }
        if (failure instanceof ConcurrencyException) {
            return ProblemException.ruleBroken("concurrent-change",
                    "another change was recorded at the same time; retry the request").problem();
        }
        if (storeUnreachable(failure)) {
            return ProblemException.unavailable("the service's store cannot be reached; nothing was recorded, "
                    + "retry with the same Idempotency-Key").problem();
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return new Problem("about:blank", Response.Status.fromStatusCode(status) == null ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase(), status, web.getMessage(), null, null);
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(failure, "unexpected failure, correlation id %s", correlationId);
        return new Problem("about:blank", "Internal Server Error", 500, "unexpected failure; the service's log "
                + "names it with correlation id " + correlationId, null, null, correlationId);
    }

    /** A store that does not answer within the driver's timeouts, anywhere in the failure's causes. */
    private static boolean storeUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoTimeoutException || cause instanceof MongoSocketException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    }
}

package org.ledgerboard.service.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.axonframework.common.AxonException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every refusal leaves the service as application/problem+json (RFC 9457). */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response refused(ProblemException e) {
        return ProblemResponses.of(e);
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        return ProblemResponses.of(e);
    }

    /** As specific as Quarkus's own mapper for it, which would answer plain JSON instead of a problem. */
    @ServerExceptionMapper
    public Response badJsonShape(MismatchedInputException e) {
        return ProblemResponses.of(e);
    }

    @ServerExceptionMapper
    public Response axon(AxonException e) {
        return ProblemResponses.of(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return ProblemResponses.of(json);
        }
        return ProblemResponses.of(e);
    }

    /** No token, a token that does not verify, or the wrong role (with lazy authentication these reach here). */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class, ForbiddenException.class})
    public Response notAllowed(RuntimeException e) {
        return ProblemResponses.of(e);
    }

    /** Logged with a correlation id that the answer carries (see {@link ProblemResponses}). */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        return ProblemResponses.of(e);
    }
}

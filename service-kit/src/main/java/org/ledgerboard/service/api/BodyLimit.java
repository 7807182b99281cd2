package org.ledgerboard.service.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request body over {@link #MAX_BYTES} before anything reads it, as a 413 problem. Every Ledgerboard
 * command fits in a few KiB; the HTTP layer's own limit ({@code quarkus.http.limits.max-body-size}) stays as the
 * backstop for bodies that do not declare their length.
 */
public class BodyLimit {
    public static final long MAX_BYTES = 64 * 1024;

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversized(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length == null || length.length() > 18 || !length.chars().allMatch(Character::isDigit)
                || Long.parseLong(length) <= MAX_BYTES) {
            return null;
        }
        return ProblemResponses.response(new Problem("/problems/too-large", "Request body too large", 413,
                "a request body may have at most " + MAX_BYTES + " bytes; this one has " + length, null, null));
    }
}

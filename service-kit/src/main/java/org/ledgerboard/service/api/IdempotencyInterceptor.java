package org.ledgerboard.service.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;
import org.ledgerboard.core.canonical.Canonical;
import org.ledgerboard.core.canonical.Hashes;

import java.util.Arrays;

/**
 * Answers a retried command with its first answer. A request's answer (success or refusal) is stored once it is
 * known ({@link IdempotencyStore#keep}); a retry with the same key and the same input gets that answer back; the same key with other input, or
 * while the first is still running, is a 409. A 5xx is not stored, so the client may retry it: the retry runs the
 * request again, and the aggregate recognises a command it already recorded
 * ({@link org.ledgerboard.service.axon.OncePerRequest}, which also refuses the same key with other input) and
 * answers with that event's receipt, marked as replayed.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class IdempotencyInterceptor {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private final IdempotencyStore store;
    private final CurrentVertxRequest current;
    private final ClientRequests requests;
    private final ObjectMapper json;

    IdempotencyInterceptor(IdempotencyStore store, CurrentVertxRequest current, ClientRequests requests,
                           ObjectMapper json) {
        this.store = store;
        this.current = current;
        this.requests = requests;
        this.json = json;
    }

    @AroundInvoke
    Object answerOnce(InvocationContext invocation) {
        try {
            return answerOnceWithKey(invocation);
        } catch (Exception e) { // the idempotency store itself failed, e.g. cannot be reached
            return ProblemResponses.of(e);
        }
    }

    private Object answerOnceWithKey(InvocationContext invocation) throws Exception {
        HttpServerRequest request = current.getCurrent().request();
        String key = request.getHeader(HEADER);
        if (key == null) {
            return answer(invocation);
        }
        if (key.isBlank() || key.length() > 255) {
            return ProblemResponses.of(ProblemException.invalid(HEADER, HEADER + " must have 1-255 characters"));
        }
        String scope = requests.scope();
        String fingerprint = Hashes.hex(Hashes.sha256(Canonical.bytes(json.valueToTree(
                Arrays.asList(invocation.getParameters())))));
        IdempotencyStore.Claim claim = store.claim(scope, key, fingerprint);
        if (claim.earlier() != null) {
            return claim.earlier().header(REPLAYED, "true").build();
        }
        if (claim.refusal() != null) {
            return ProblemResponses.of(claim.refusal());
        }
        boolean kept = false; // keep() releases the claim once the answer is kept
        try {
            requests.describe(fingerprint);
            Response response = answer(invocation);
            if (response.getStatus() < 500) {
                String body = json.writeValueAsString(response.getEntity());
                kept = true;
                store.keep(scope, key, fingerprint, response.getStatus(), body, response.getMediaType() == null ? null : response.getMediaType().toString(),
                        response.getLocation() == null ? null : response.getLocation().toString());
            }
            return requests.replayed() ? Response.fromResponse(response).header(REPLAYED, "true").build() : response;
        } finally {
            if (!kept) {
                store.release(scope, key);
            }
        }
    }

    private static Response answer(InvocationContext invocation) {
        try {
            return (Response) invocation.proceed();
        } catch (Exception e) {
            return ProblemResponses.of(e);
        }
    }
}

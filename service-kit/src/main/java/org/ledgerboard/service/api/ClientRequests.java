package org.ledgerboard.service.api;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.ledgerboard.core.canonical.Hashes;

import java.nio.charset.StandardCharsets;

/**
 * Names the client request being served: the SHA-256 of its endpoint and {@code Idempotency-Key}. A command
 * carries that name into the events it records, so a retry is recognised by what was recorded
 * ({@link org.ledgerboard.service.axon.OncePerRequest}), and ids the client left out are derived from it, so a
 * retry names the same thing.
 */
@ApplicationScoped
public class ClientRequests {
    private final CurrentVertxRequest current;

    ClientRequests(CurrentVertxRequest current) {
        this.current = current;
    }

    /** The current request's name, or null outside a request or without an {@code Idempotency-Key}. */
    public String currentId() {
        RoutingContext context = current.getCurrent();
        if (context == null) {
            return null;
        }
        HttpServerRequest request = context.request();
        String key = request.getHeader(IdempotencyInterceptor.HEADER);
        return key == null || key.isBlank() ? null : idOf(request.method() + " " + request.path(), key);
    }

    /** A client-chosen id, or when absent one derived from the request (random without an Idempotency-Key). */
    public String idOrDerived(String value, String field) {
        String request = currentId();
        return value != null || request == null ? Input.idOrNew(value, field) : request.substring(0, 32);
    }

    static String idOf(String scope, String key) {
        return Hashes.hex(Hashes.sha256((scope + "\n" + key).getBytes(StandardCharsets.UTF_8)));
    }
}

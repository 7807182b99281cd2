package org.ledgerboard.service.api;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.ledgerboard.core.canonical.Hashes;

import java.nio.charset.StandardCharsets;

/**
 * Names the client request being served: the SHA-256 of its endpoint, its acting subject and its
 * {@code Idempotency-Key} (keys are scoped per subject: another subject's key never finds this one's answer). A command
 * carries that name into the events it records, so a retry is recognised by what was recorded
 * ({@link org.ledgerboard.service.axon.OncePerRequest}), and ids the client left out are derived from it, so a
 * retry names the same thing.
 */
@ApplicationScoped
public class ClientRequests {
    private static final String FINGERPRINT = ClientRequests.class.getName() + ".fingerprint";
    private static final String REPLAYED = ClientRequests.class.getName() + ".replayed";

    private final CurrentVertxRequest current;
    private final Actors actors;

    ClientRequests(CurrentVertxRequest current, Actors actors) {
        this.current = current;
        this.actors = actors;
    }

    /** The endpoint and the acting subject: what an {@code Idempotency-Key} is unique within. */
    String scope() {
        HttpServerRequest request = current.getCurrent().request();
        String subject = actors.subjectOrNull();
        return request.method() + " " + request.path() + (subject == null ? "" : " by " + subject);
    }

    /** The current request's name, or null outside a request or without an {@code Idempotency-Key}. */
    public String currentId() {
        RoutingContext context = current.getCurrent();
        if (context == null) {
            return null;
        }
        HttpServerRequest request = context.request();
        String key = request.getHeader(IdempotencyInterceptor.HEADER);
        return key == null || key.isBlank() ? null : idOf(scope(), key);
    }

    /** Notes the current request's input (a hash of it): the aggregate refuses its key reused with other input. */
    void describe(String fingerprint) {
        current.getCurrent().put(FINGERPRINT, fingerprint);
    }

    /** The hash of the current request's input, or null when it carries no {@code Idempotency-Key}. */
    public String currentFingerprint() {
        RoutingContext context = current.getCurrent();
        return context == null ? null : context.get(FINGERPRINT);
    }

    /** Notes that the current request was answered with what an earlier delivery recorded. */
    public void markReplayed() {
        RoutingContext context = current.getCurrent();
        if (context != null) {
            context.put(REPLAYED, Boolean.TRUE);
        }
    }

    boolean replayed() {
        return Boolean.TRUE.equals(current.getCurrent().get(REPLAYED));
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

package org.ledgerboard.service.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ResourceInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.ledgerboard.core.event.Actor;

import java.util.List;

/**
 * Who is acting in the current request: the token's subject and issuer, in the role the endpoint allows it
 * ({@code @RolesAllowed}; with several, the first the token holds). The token itself is never kept.
 */
@ApplicationScoped
public class Actors {
    private static final String ROLES = "ledgerboard.endpoint-roles";

    private final SecurityIdentity identity;
    private final CurrentVertxRequest current;

    Actors(SecurityIdentity identity, CurrentVertxRequest current) {
        this.identity = identity;
        this.current = current;
    }

    /** Remembers which roles the matched endpoint allows, for {@link #current()}. */
    @ServerRequestFilter
    public void rememberEndpointRoles(ResourceInfo resource, RoutingContext context) {
        RolesAllowed allowed = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (allowed != null) {
            context.put(ROLES, List.of(allowed.value()));
        }
    }

    /** The acting subject, or null when the request carries no identity (a public read). */
    public String subjectOrNull() {
        RoutingContext context = current.getCurrent();
        if (context == null || context.get(ROLES) == null || identity.isAnonymous()) {
            return null;
        }
        return subject();
    }

    public Actor current() {
        RoutingContext context = current.getCurrent();
        List<String> roles = context == null ? null : context.get(ROLES);
        if (roles == null || identity.isAnonymous()) {
            throw ProblemException.unauthenticated("this act needs an Authorization: Bearer token");
        }
        String role = roles.stream().filter(identity::hasRole).findFirst().orElseThrow(() ->
                ProblemException.notEntitled("role", "this act needs one of the roles " + roles));
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        return new Actor(role, subject(), token.getIssuer());
    }

    private String subject() {
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        if (token.getSubject() == null || token.getSubject().isBlank()) {
            throw ProblemException.unauthenticated("the bearer token names no subject ('sub')");
        }
        return token.getSubject();
    }
}

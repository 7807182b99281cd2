package org.ledgerboard.core.event;

import java.util.Objects;

/**
 * Who took an act: a role and a subject as an issuer vouched for them, e.g. {@code evaluator:expert-a} from the
 * local issuer, or {@code service:/ranking-service} for a service's own reaction. Recorded as the CloudEvents
 * extension attributes {@code actor} ({@code ROLE:SUBJECT}) and {@code actoriss}, inside what the hash covers.
 */
public record Actor(String role, String subject, String issuer) {
    public static final String ORGANISER = "organiser";
    public static final String TEAM = "team";
    public static final String EVALUATOR = "evaluator";
    public static final String AUDITOR = "auditor";
    public static final String SERVICE = "service";

    public Actor {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        if (role.isEmpty() || role.contains(":") || subject.isEmpty() || issuer.isEmpty()) {
            throw new IllegalArgumentException("an actor needs a role without ':', a subject and an issuer");
        }
    }

    /** A service acting on its own, vouched for by itself (its seals are signed with its key). */
    public static Actor service(String source) {
        return new Actor(SERVICE, source, source);
    }

    /** {@code ROLE:SUBJECT}, the {@code actor} attribute. */
    public String attribute() {
        return role + ":" + subject;
    }

    /** The actor of an {@code actor} attribute ({@code ROLE:SUBJECT}; the subject may itself hold ':'). */
    public static Actor parse(String attribute, String issuer) {
        int colon = attribute.indexOf(':');
        if (colon <= 0 || colon == attribute.length() - 1) {
            throw new IllegalArgumentException("actor must be ROLE:SUBJECT, got '" + attribute + "'");
        }
        return new Actor(attribute.substring(0, colon), attribute.substring(colon + 1), issuer);
    }

    public boolean is(String role, String subject) {
        return this.role.equals(role) && this.subject.equals(subject);
    }
}

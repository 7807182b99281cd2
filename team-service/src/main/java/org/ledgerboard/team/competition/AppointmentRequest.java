package org.ledgerboard.team.competition;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ledgerboard.service.api.Input;

/** Body of {@code POST /competitions/{c}/organisers}: the token subject who becomes an organiser too. */
public record AppointmentRequest(@Schema(description = "a token subject, as its issuer names it") String subject) {
    public AppointmentRequest {
        Input.required(subject, "subject");
        if (subject.isBlank() || subject.length() > 255) {
            throw org.ledgerboard.service.api.ProblemException.invalid("subject", "subject must have 1-255 characters");
        }
    }
}

package org.ledgerboard.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code field} names the input at fault (400); {@code rule} names the competition
 * rule a command would break (409).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, String rule) {
    public static final String MEDIA_TYPE = "application/problem+json";
}

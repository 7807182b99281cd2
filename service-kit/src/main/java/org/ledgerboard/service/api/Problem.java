package org.ledgerboard.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code field} names the input at fault (400); {@code rule} names the competition
 * rule a command would break (409); {@code correlationId} names the log line of an unexpected failure (500).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, String rule,
                      String correlationId) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, String field, String rule) {
        this(type, title, status, detail, field, rule, null);
    }
}

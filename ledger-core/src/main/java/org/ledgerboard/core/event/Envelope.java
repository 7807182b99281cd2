package org.ledgerboard.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A DSSE v1 envelope, stored whole in the event it signs: {@code payload} is the base64 of the signed bytes (the
 * RFC 8785 JSON of the act), {@code sig} the base64 Ed25519 signature over {@code PAE(payloadType, payload)}.
 * {@code keyid} is a hint only and never decides anything.
 */
public record Envelope(String payloadType, String payload, List<Signature> signatures) {
    public static final String SUBMISSION = "application/vnd.ledgerboard.submission.v1+json";
    public static final String EVALUATION = "application/vnd.ledgerboard.evaluation.v1+json";

    public Envelope {
        signatures = Collections2.copy(signatures);
    }

    public record Signature(@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String keyid, String sig) {
    }
}

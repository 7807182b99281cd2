package org.ledgerboard.service.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ledgerboard.core.event.PublicKeyJwk;

/** Body of a key rotation (a team's or an evaluator's): the new key, or none to revoke the bound one, and why. */
public record KeyRotationRequest(@Schema(description = "the new Ed25519 public key (RFC 8037 JWK); leave it out to "
                                         + "revoke the bound key without a successor")
                                 PublicKeyJwk publicKey,
                                 @Schema(description = "why, for the record (e.g. scheduled rotation, key lost)")
                                 String reason) {
    public KeyRotationRequest {
        Input.required(reason, "reason");
    }
}

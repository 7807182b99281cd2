package org.ledgerboard.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Base64;

/**
 * An actor's Ed25519 public key as an RFC 8037 JWK ({@code kty: OKP}, {@code crv: Ed25519}, {@code x}), bound by
 * an organiser in {@link TeamSelected} or {@link EvaluatorAssigned}. Never a private key: a {@code d} is refused.
 */
public record PublicKeyJwk(String kty, String crv, String x, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String kid) {
    public PublicKeyJwk {
        if (!"OKP".equals(kty) || !"Ed25519".equals(crv)) {
            throw new IllegalArgumentException("publicKey must be an Ed25519 JWK (kty OKP, crv Ed25519)");
        }
        byte[] raw;
        try {
            raw = x == null ? new byte[0] : Base64.getUrlDecoder().decode(x);
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("publicKey.x must be the 32-byte key in base64url");
        }
    }
}

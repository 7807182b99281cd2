package org.ledgerboard.core.integrity;

import org.ledgerboard.core.canonical.Canonical;
import org.ledgerboard.core.event.Envelope;
import org.ledgerboard.core.event.PublicKeyJwk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * DSSE v1 (github.com/secure-systems-lab/dsse): the pre-authentication encoding, signing an act's canonical JSON,
 * and verifying an envelope against a bound key. Written here because DSSE is a dozen lines over Ed25519 (the
 * signature itself is BouncyCastle's) and no maintained Java library implements it alone.
 */
public final class Dsse {
    private Dsse() {
    }

    /** {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, LEN the ASCII decimal byte length. */
    public static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** The envelope of an act: its RFC 8785 JSON, signed by {@code key}. */
    public static Envelope sign(SigningKey key, String payloadType, Object act) {
        byte[] payload = Canonical.bytes(act);
        return new Envelope(payloadType, Base64.getEncoder().encodeToString(payload),
                List.of(new Envelope.Signature(key.keyId(), key.signBase64(pae(payloadType, payload)))));
    }

    /** The signed bytes, if one of the envelope's signatures verifies with {@code key}; standard or URL-safe base64. */
    public static Optional<byte[]> verifiedPayload(Envelope envelope, PublicKeyJwk key) {
        return verifiedPayload(envelope, VerifyingKey.fromJwkX(key.x()));
    }

    /** As {@link #verifiedPayload(Envelope, PublicKeyJwk)}, with the key already decoded (an auditor reuses it). */
    public static Optional<byte[]> verifiedPayload(Envelope envelope, VerifyingKey verifier) {
        byte[] payload = decode(envelope.payload());
        if (payload == null || envelope.signatures() == null) {
            return Optional.empty();
        }
        byte[] signed = pae(envelope.payloadType(), payload);
        for (Envelope.Signature signature : envelope.signatures()) {
            byte[] sig = decode(signature.sig());
            if (sig != null && verifier.verify(signed, sig)) {
                return Optional.of(payload);
            }
        }
        return Optional.empty();
    }

    /** The payload's bytes as the envelope carries them, not yet verified; empty when not base64. */
    public static Optional<byte[]> payloadOf(Envelope envelope) {
        return Optional.ofNullable(decode(envelope.payload()));
    }

    /** The JWK of a key, as keygen prints it and an organiser binds it. */
    public static PublicKeyJwk jwkOf(VerifyingKey key) {
        return new PublicKeyJwk("OKP", "Ed25519", key.x(), key.keyId());
    }

    private static byte[] decode(String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            return base64.contains("-") || base64.contains("_") ? Base64.getUrlDecoder().decode(base64)
                    : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

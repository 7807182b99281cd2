package org.ledgerboard.core.integrity;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.ledgerboard.core.canonical.Canonical;
import org.ledgerboard.core.canonical.Hashes;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** An Ed25519 public key; its id is its RFC 7638 JWK thumbprint. */
public final class VerifyingKey {
    private final byte[] raw;
    private final Ed25519PublicKeyParameters parameters;
    /** Computed when first asked: verifying a signature does not need the thumbprint. */
    private volatile String keyId;

    public VerifyingKey(byte[] raw) {
        if (raw.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, got " + raw.length);
        }
        this.raw = raw.clone();
        this.parameters = new Ed25519PublicKeyParameters(this.raw, 0);
    }

    public static VerifyingKey fromJwkX(String x) {
        return new VerifyingKey(Base64.getUrlDecoder().decode(x));
    }

    public boolean verify(byte[] message, byte[] signature) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, parameters);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    public boolean verifyBase64(byte[] message, String signature) {
        try {
            return verify(message, Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    public String keyId() {
        if (keyId == null) {
            keyId = thumbprint(x());
        }
        return keyId;
    }

    /** The JWK {@code x} member: the raw key, base64url without padding (RFC 8037). */
    public String x() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    public byte[] raw() {
        return raw.clone();
    }

    private static String thumbprint(String x) {
        Map<String, String> required = new LinkedHashMap<>();
        required.put("crv", "Ed25519");
        required.put("kty", "OKP");
        required.put("x", x);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(Canonical.bytes(required)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifyingKey other && Arrays.equals(other.raw, raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }
}

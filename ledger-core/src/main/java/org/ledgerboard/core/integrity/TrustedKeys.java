package org.ledgerboard.core.integrity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The public keys an auditor trusts, as a JWK Set (RFC 7517) of Ed25519 keys (RFC 8037), each naming the
 * ledger source it speaks for: {@code {"keys":[{"kty":"OKP","crv":"Ed25519","x":"…","kid":"…","use":"sig",
 * "source":"/team-service"}]}}. Services serve their own keys in the same format at {@code GET /ledger/keys}.
 */
public record TrustedKeys(List<Jwk> keys) {
    private static final ObjectMapper LENIENT = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One trusted key; {@code kid} is the key's RFC 7638 thumbprint. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Jwk(String kty, String crv, String x, String kid, String use, String source) {
        public static Jwk of(String source, VerifyingKey key) {
            return new Jwk("OKP", "Ed25519", key.x(), key.keyId(), "sig", source);
        }

        public VerifyingKey key() {
            if (!"OKP".equals(kty) || !"Ed25519".equals(crv)) {
                throw new IllegalArgumentException("key " + kid + " is not an Ed25519 OKP key");
            }
            VerifyingKey key = VerifyingKey.fromJwkX(x);
            if (kid != null && !kid.equals(key.keyId())) {
                throw new IllegalArgumentException("key id " + kid + " is not the thumbprint of its key");
            }
            return key;
        }
    }

    public TrustedKeys {
        keys = List.copyOf(keys);
    }

    public static TrustedKeys of(String source, VerifyingKey key) {
        return new TrustedKeys(List.of(Jwk.of(source, key)));
    }

    public TrustedKeys plus(TrustedKeys other) {
        List<Jwk> all = new ArrayList<>(keys);
        other.keys.stream().filter(k -> !all.contains(k)).forEach(all::add);
        return new TrustedKeys(all);
    }

    /** The key {@code source} signs with under {@code keyId}, if trusted. */
    public Optional<VerifyingKey> find(String source, String keyId) {
        return jwk(source, keyId).map(Jwk::key);
    }

    /** As {@link #find}, the key as written: for a reader of many seals to parse each key once. */
    public Optional<Jwk> jwk(String source, String keyId) {
        return keys.stream().filter(k -> source.equals(k.source()) && keyId.equals(k.kid())).findFirst();
    }

    public static TrustedKeys read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trusted keys " + file, e);
        }
    }

    public static TrustedKeys parse(String json) {
        try {
            TrustedKeys parsed = mapper().readValue(json, TrustedKeys.class);
            parsed.keys.forEach(Jwk::key); // reject a malformed key now, not at the first seal
            return parsed;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a trusted-keys JWK Set: " + e.getMessage(), e);
        }
    }

    public String toJson() {
        try {
            return mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(Path file) {
        try {
            Files.writeString(file, toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JWKs from other tools may carry members we do not use ("alg", …), so keys are read leniently. */
    private static ObjectMapper mapper() {
        return LENIENT;
    }
}

package org.ledgerboard.testkit;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.ledgerboard.core.integrity.TokenIssuer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token issuer of tests. Its key is kept under {@code target/test-issuer}, so a test resource and the test
 * itself, loaded by different class loaders, sign and verify with the same key.
 */
public final class TestIssuer {
    public static final String ISSUER = "urn:ledgerboard:test";
    private static final Duration TTL = Duration.ofHours(1);

    private final TokenIssuer issuer = TokenIssuer.in(Path.of("target", "test-issuer"), ISSUER);

    public static TestIssuer shared() {
        return new TestIssuer();
    }

    /** The configuration that makes a service trust this issuer. */
    public Map<String, String> config() {
        return Map.of("mp.jwt.verify.publickey.location", issuer.jwksFile().toAbsolutePath().toString(),
                "mp.jwt.verify.issuer", ISSUER, "mp.jwt.verify.audiences", TokenIssuer.AUDIENCE);
    }

    public String token(String role, String subject) {
        return issuer.token(role, subject, TTL);
    }

    /** A token whose claims a test changes first, e.g. to expire it or name another issuer. */
    public String token(String role, String subject, Consumer<JwtClaims> change) {
        return issuer.token(role, subject, TTL, change);
    }

    /** A token with no signature at all ({@code alg: none}). */
    public String unsignedToken(String role, String subject) {
        return issuer.sign(claims(role, subject), null, AlgorithmIdentifiers.NONE);
    }

    /** The classic confusion attack: HS256 keyed with the issuer's public JWK Set as the HMAC secret. */
    public String hmacWithThePublicKey(String role, String subject) {
        return issuer.sign(claims(role, subject),
                new SecretKeySpec(issuer.jwkSet().getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                AlgorithmIdentifiers.HMAC_SHA256);
    }

    private JwtClaims claims(String role, String subject) {
        return issuer.claims(role, subject, TTL);
    }
}

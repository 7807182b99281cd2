package org.ledgerboard.core.integrity;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A token issuer of its own for the local runtime and the tests: an Ed25519 key kept in a folder (made on first
 * use, never leaving it), the JWK Set the services trust ({@code jwks.json} beside it), and signed JWTs naming a
 * subject and its role ({@code groups}). Production points the services at a real identity provider instead.
 */
public final class TokenIssuer {
    public static final String AUDIENCE = "ledgerboard";

    private final String issuer;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Path jwks;

    private TokenIssuer(String issuer, PrivateKey privateKey, PublicKey publicKey, Path jwks) {
        this.issuer = issuer;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.jwks = jwks;
    }

    /** The issuer whose key is in {@code folder}, making the key and its JWK Set there if they are missing. */
    public static synchronized TokenIssuer in(Path folder, String issuer) {
        try {
            Files.createDirectories(folder);
            Path key = folder.resolve("issuer-key.pk8");
            Path pub = folder.resolve("issuer-key.x509");
            if (!Files.exists(key)) {
                var generated = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                Files.write(pub, generated.getPublic().getEncoded());
                Path partial = folder.resolve("issuer-key.pk8.tmp");
                Files.write(partial, generated.getPrivate().getEncoded());
                Files.move(partial, key); // a reader never sees half a key
            }
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            TokenIssuer tokens = new TokenIssuer(issuer,
                    ed25519.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(key))),
                    ed25519.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(pub))), folder.resolve("jwks.json"));
            String jwkSet = tokens.jwkSet();
            if (!Files.exists(tokens.jwks) || !Files.readString(tokens.jwks).equals(jwkSet)) {
                // written once and atomically: a service may be reading it to verify a token right now
                Path partial = folder.resolve("jwks.json.tmp");
                Files.writeString(partial, jwkSet);
                Files.move(partial, tokens.jwks, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the issuer key in " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make Ed25519 keys", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** The JWK Set file the services verify tokens with. */
    public Path jwksFile() {
        return jwks;
    }

    public String jwkSet() {
        OctetKeyPairJsonWebKey jwk = new OctetKeyPairJsonWebKey(publicKey);
        jwk.setKeyId(keyIdOf(publicKey));
        jwk.setAlgorithm(AlgorithmIdentifiers.EDDSA);
        jwk.setUse("sig");
        return new JsonWebKeySet(jwk).toJson();
    }

    /** A token for SUBJECT in ROLE, valid for {@code ttl}. */
    public String token(String role, String subject, Duration ttl) {
        return token(role, subject, ttl, claims -> { });
    }

    /** A token whose claims are changed before signing (tests use it to expire a token or name another issuer). */
    public String token(String role, String subject, Duration ttl, Consumer<JwtClaims> change) {
        JwtClaims claims = claims(role, subject, ttl);
        change.accept(claims);
        return sign(claims, privateKey, AlgorithmIdentifiers.EDDSA);
    }

    /** The claims of a token for SUBJECT in ROLE, valid for {@code ttl}, before signing. */
    public JwtClaims claims(String role, String subject, Duration ttl) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setStringListClaim("groups", List.of(role));
        long now = Instant.now().getEpochSecond();
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + ttl.toSeconds()));
        claims.setJwtId(UUID.randomUUID().toString());
        return claims;
    }

    /** Signs claims as given, with any key and algorithm: for tests of what the services must refuse. */
    public String sign(JwtClaims claims, Key key, String algorithm) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setHeader("typ", "JWT");
        jws.setDoKeyValidation(false);
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key's RFC 7638 thumbprint, as the ledger names its other keys (the raw key ends its X.509 form). */
    private static String keyIdOf(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return new VerifyingKey(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length)).keyId();
    }
}

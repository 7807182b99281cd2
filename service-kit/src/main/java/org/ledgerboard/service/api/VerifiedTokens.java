package org.ledgerboard.service.api;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.ledgerboard.core.canonical.Hashes;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verifies a bearer token once and remembers the result until the token expires. A client sends the same token
 * with every request for its lifetime, and verifying an EdDSA signature through the JDK costs about a millisecond
 * of an event-loop thread, which stalled every request behind it (measured: three quarters of team-service's
 * event-loop time under load). Kept by the SHA-256 of the whole token, so any other byte is verified afresh; at
 * most {@value #MAX} tokens, least recently used dropped first; an expired token is never answered from memory.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens extends JWTCallerPrincipalFactory {
    static final int MAX = 10_000;

    private final JWTCallerPrincipalFactory verifier;
    private final Clock clock;
    private final Map<String, JWTCallerPrincipal> verified = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, JWTCallerPrincipal> eldest) {
                    return size() > MAX;
                }
            });

    VerifiedTokens() {
        this(new DefaultJWTCallerPrincipalFactory(), Clock.systemUTC());
    }

    VerifiedTokens(JWTCallerPrincipalFactory verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        String key = Hashes.hex(Hashes.sha256(token.getBytes(StandardCharsets.UTF_8)));
        JWTCallerPrincipal known = verified.get(key);
        if (known != null && known.getExpirationTime() > clock.instant().getEpochSecond()) {
            return known;
        }
        JWTCallerPrincipal principal = verifier.parse(token, authContextInfo);
        verified.put(key, principal);
        return principal;
    }
}

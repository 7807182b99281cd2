package org.ledgerboard.service.api;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token is verified once, and answered from memory only while it has not expired. */
class VerifiedTokensTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final List<String> verifiedTokens = new ArrayList<>();

    /** Verifies "good-…" tokens (expiring an hour after NOW), refuses anything else. */
    private final JWTCallerPrincipalFactory verifier = new JWTCallerPrincipalFactory() {
        @Override
        public JWTCallerPrincipal parse(String token, JWTAuthContextInfo info) throws ParseException {
            verifiedTokens.add(token);
            if (!token.startsWith("good-")) {
                throw new ParseException("signature does not verify");
            }
            JwtClaims claims = new JwtClaims();
            claims.setSubject(token);
            claims.setExpirationTime(NumericDate.fromSeconds(NOW.plusSeconds(3600).getEpochSecond()));
            return new DefaultJWTCallerPrincipal(claims);
        }
    };

    private Instant now = NOW;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, clock);

    @Test
    void aTokenUsedAgainIsNotVerifiedAgain() throws Exception {
        JWTCallerPrincipal first = tokens.parse("good-a", null);
        JWTCallerPrincipal second = tokens.parse("good-a", null);

        assertThat(second).isSameAs(first);
        assertThat(verifiedTokens).containsExactly("good-a");
    }

    @Test
    void aTokenThatFailedIsVerifiedEveryTime() {
        assertThatThrownBy(() -> tokens.parse("forged", null)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse("forged", null)).isInstanceOf(ParseException.class);

        assertThat(verifiedTokens).containsExactly("forged", "forged");
    }

    @Test
    void anExpiredTokenIsNeverAnsweredFromMemory() throws Exception {
        tokens.parse("good-a", null);
        now = NOW.plusSeconds(3600);

        tokens.parse("good-a", null);

        assertThat(verifiedTokens).containsExactly("good-a", "good-a");
    }
}

package org.ledgerboard.deploy;

import org.ledgerboard.core.integrity.TokenIssuer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The local runtime's token issuer: {@code deploy/ledgerboard up} makes its key under the data folder (the
 * services trust its JWK Set), and {@code deploy/ledgerboard token} prints one signed token.
 */
@Command(name = "ledgerboard token", mixinStandardHelpOptions = true,
        description = "Prints a bearer token from the local issuer.")
public final class LocalIssuer implements Callable<Integer> {
    public static final String ISSUER = "urn:ledgerboard:local";

    enum Role { organiser, evaluator, team, auditor }

    @Option(names = "--home", required = true, description = "the issuer's folder (under LEDGERBOARD_HOME)")
    Path home;

    @Option(names = "--role", required = true, description = "one of ${COMPLETION-CANDIDATES}")
    Role role;

    @Option(names = "--subject", required = true, description = "who acts, e.g. expert-a")
    String subject;

    @Option(names = "--ttl", defaultValue = "1h", description = "how long the token is valid: 90s, 30m, 8h, 2d "
            + "or ISO-8601 (PT8H); default ${DEFAULT-VALUE}")
    String ttl;

    /** The issuer whose key is kept in {@code home}, made there on first use. */
    public static TokenIssuer in(Path home) {
        return TokenIssuer.in(home, ISSUER);
    }

    @Override
    public Integer call() {
        if (subject.isBlank()) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--subject must not be blank");
        }
        System.out.println(in(home).token(role.name(), subject, duration(ttl)));
        return 0;
    }

    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            return Duration.parse(text.trim());
        }
        if (!t.matches("[0-9]+[smhd]")) {
            throw new IllegalArgumentException("--ttl must look like 90s, 30m, 8h, 2d or PT8H, got '" + text + "'");
        }
        long amount = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalIssuer()).execute(args));
    }
}

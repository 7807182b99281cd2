package org.ledgerboard.deploy;

import org.ledgerboard.core.integrity.KeyFiles;
import org.ledgerboard.core.integrity.TrustedKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Makes the signing key of each service, where it has none yet, and writes the trusted-keys file (JWK Set) of the
 * public keys of those that seal the ledger before any service starts: projections verify seals with it from their
 * first record, and the auditor reads the same file. Made ahead, the keys can also go into a Kubernetes Secret,
 * which every instance of a service then shares.
 */
public final class ServiceKeys {
    private static final List<String> SEALING_SERVICES = List.of("team-service", "evaluation-service", "ranking-service");

    private ServiceKeys() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ServiceKeys DATA_DIR");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        TrustedKeys trusted = new TrustedKeys(List.of());
        for (String service : SEALING_SERVICES) {
            var key = KeyFiles.loadOrGenerate(data.resolve("keys").resolve(service + ".pem"));
            trusted = trusted.plus(TrustedKeys.of("/" + service, key.verifyingKey()));
        }
        KeyFiles.loadOrGenerate(data.resolve("keys").resolve("projections.pem")); // signs checkpoints, seals nothing
        Path file = data.resolve("trusted-keys.json");
        Path written = Files.createTempFile(data, "trusted-keys", ".json");
        trusted.write(written);
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

package org.ledgerboard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.ledgerboard.core.canonical.LedgerJson;
import org.ledgerboard.core.integrity.Dsse;
import org.ledgerboard.core.integrity.KeyFiles;
import org.ledgerboard.core.integrity.SigningKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** A team's or evaluator's own signing tools: {@code deploy/ledgerboard keygen} and {@code deploy/ledgerboard sign}. */
@Command(name = "ledgerboard", subcommands = {ActorKeys.Keygen.class, ActorKeys.Sign.class},
        mixinStandardHelpOptions = true, description = "Keys and DSSE envelopes for signed submissions and evaluations.")
public final class ActorKeys {

    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = "Writes a new Ed25519 private key (PKCS#8 PEM) and prints its public JWK to bind.")
    static final class Keygen implements Callable<Integer> {
        @Option(names = "--out", required = true, description = "where to write the private key (never overwritten)")
        Path out;

        @Override
        public Integer call() throws IOException {
            if (Files.exists(out)) {
                throw new CommandLine.ParameterException(new CommandLine(this), out + " exists: choose a new file");
            }
            SigningKey key = SigningKey.generate();
            KeyFiles.store(key, out);
            System.out.println(LedgerJson.mapper().writeValueAsString(Dsse.jwkOf(key.verifyingKey())));
            return 0;
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = "Reads a JSON body on stdin and prints its DSSE envelope (payload: the body's RFC 8785 JSON).")
    static final class Sign implements Callable<Integer> {
        @Option(names = "--key", required = true, description = "the private key keygen wrote")
        Path key;

        @Option(names = "--type", required = true, description = "the payload type, e.g. "
                + "application/vnd.ledgerboard.submission.v1+json")
        String type;

        @Override
        public Integer call() throws IOException {
            JsonNode body = LedgerJson.mapper().readTree(System.in);
            System.out.println(LedgerJson.mapper().writeValueAsString(Dsse.sign(KeyFiles.load(key), type, body)));
            return 0;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ActorKeys()).execute(args));
    }
}

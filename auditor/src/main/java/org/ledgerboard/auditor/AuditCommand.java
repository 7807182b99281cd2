package org.ledgerboard.auditor;

import com.fasterxml.jackson.databind.JsonNode;
import org.ledgerboard.core.audit.AuditReport;
import org.ledgerboard.core.audit.Auditor;
import org.ledgerboard.core.audit.Verdict;
import org.ledgerboard.core.canonical.Hashes;
import org.ledgerboard.core.canonical.LedgerJson;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.InvalidRecordException;
import org.ledgerboard.core.event.Standing;
import org.ledgerboard.core.integrity.Checkpoint;
import org.ledgerboard.core.integrity.Finding;
import org.ledgerboard.core.integrity.TrustedKeys;
import org.ledgerboard.kafka.LedgerTopics;
import org.ledgerboard.core.merkle.MerkleProofs;
import org.ledgerboard.core.merkle.TreeHashes;
import org.ledgerboard.core.view.CompetitionViews;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** The auditor's command line: {@code audit} a ledger, {@code export} one to JSON Lines, assemble {@code keys}. */
@Command(name = "ledgerboard-audit", mixinStandardHelpOptions = true, version = "ledgerboard-audit 0.1",
        description = "Replays a Ledgerboard ledger and checks that it was not tampered with and that every "
                + "decision followed the declared rules.",
        subcommands = {AuditCommand.Audit.class, AuditCommand.Export.class, AuditCommand.Keys.class,
                AuditCommand.VerifyInclusion.class})
public final class AuditCommand {
    /** Exit code of an audit that found a failure; 2 is a usage or I/O error. */
    static final int FAILED = 1;

    public static void main(String[] args) {
        System.exit(run(System.out, args));
    }

    /** Runs the command line, printing to {@code out} in UTF-8 whatever the platform's charset. */
    static int run(OutputStream out, String... args) {
        CommandLine line = new CommandLine(new AuditCommand());
        line.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        line.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("ledgerboard-audit: " + e.getMessage());
            return 2;
        });
        return line.execute(args);
    }

    /** Where to read from: exactly one of a file or a broker. */
    static final class Input {
        @Option(names = "--file", description = "a JSON Lines ledger, as export writes it")
        Path file;

        @Option(names = "--bootstrap", description = "a Kafka bootstrap address, e.g. 127.0.0.1:9092")
        String bootstrap;

        LedgerSource source() {
            return file != null ? LedgerSource.file(file) : LedgerSource.kafka(bootstrap);
        }
    }

    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = "Verifies integrity, seals, sequences, unique ids and the fairness rules F1-F7, prints a verdict per "
                    + "check and the recomputed views; exits 0 only when everything holds.")
    static final class Audit implements Callable<Integer> {
        @CommandLine.ArgGroup(multiplicity = "1")
        Input input;

        @Option(names = "--keys", required = true, description = "trusted-keys file (JWK Set), e.g. from deploy/ledgerboard keys")
        Path keys;

        @Option(names = "--competition", description = "audit only this competition")
        String competition;

        @Option(names = "--checkpoints", description = "JSON Lines of projections' signed checkpoints to check "
                + "(with --bootstrap, ledger.checkpoints is read unless this is given)")
        Path checkpoints;

        @Option(names = "--json", description = "machine-readable output")
        boolean json;

        @Option(names = "--pushgateway", description = "push the verdicts as Prometheus metrics to this Pushgateway, "
                + "e.g. http://pushgateway:9091 (an audit run as a job)")
        URI pushgateway;

        @Option(names = "--metrics-file", description = "write the verdicts as Prometheus metrics to this file "
                + "(node_exporter's textfile collector)")
        Path metricsFile;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Auditor auditor = new Auditor(TrustedKeys.read(keys));
            LedgerSource checkpointSource = checkpoints != null ? LedgerSource.file(checkpoints)
                    : input.bootstrap != null ? LedgerSource.kafka(input.bootstrap, LedgerTopics.CHECKPOINTS) : null;
            if (checkpointSource != null) {
                checkpointSource.read((position, key, value) -> {
                    Checkpoint checkpoint = LedgerJson.mapper().readValue(value, Checkpoint.class);
                    if (competition == null || competition.equals(checkpoint.competitionId())) {
                        auditor.expectCheckpoint(checkpoint);
                    }
                });
            }
            LedgerSource source = input.source();
            source.read((position, key, value) -> {
                if (competition == null || competition.equals(key != null ? key : competitionOf(value))) {
                    auditor.accept(position, value);
                }
            });
            AuditReport report = auditor.report();
            AuditMetrics metrics = new AuditMetrics(competition == null ? "all" : competition, report, Instant.now());
            if (metricsFile != null) {
                metrics.write(metricsFile);
            }
            if (pushgateway != null) {
                metrics.push(pushgateway);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(LedgerJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } else {
                print(out, source.describe(), report);
            }
            return report.passed() ? 0 : FAILED;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes the ledger of one competition from Kafka to a JSON Lines file, records unchanged.")
    static final class Export implements Callable<Integer> {
        @Option(names = "--bootstrap", required = true, description = "a Kafka bootstrap address")
        String bootstrap;

        @Option(names = "--competition", required = true)
        String competition;

        @Option(names = "--out", required = true, description = "the JSON Lines file to write")
        Path out;

        @Override
        public Integer call() throws IOException {
            long[] written = {0};
            try (OutputStream file = Files.newOutputStream(out)) {
                LedgerSource.kafka(bootstrap).read((position, key, value) -> {
                    if (competition.equals(key)) {
                        try {
                            file.write(value);
                            file.write('\n');
                            written[0]++;
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                });
            }
            System.err.println("exported " + written[0] + " records of " + competition + " to " + out);
            return 0;
        }
    }

    @Command(name = "keys", mixinStandardHelpOptions = true,
            description = "Assembles a trusted-keys file from the services' GET /ledger/keys.")
    static final class Keys implements Callable<Integer> {
        @CommandLine.Parameters(arity = "1..*", paramLabel = "SERVICE_URL", description = "e.g. http://127.0.0.1:8081")
        List<String> services;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            TrustedKeys all = new TrustedKeys(List.of());
            for (String service : services) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(service + "/ledger/keys"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IOException(service + "/ledger/keys answered " + answer.statusCode());
                }
                all = all.plus(TrustedKeys.parse(answer.body()));
            }
            spec.commandLine().getOut().println(all.toJson());
            return 0;
        }
    }

    @Command(name = "verify-inclusion", mixinStandardHelpOptions = true,
            description = "Checks offline that an event (a team's receipt) is in a signed checkpoint, with the "
                    + "proof from projections' /proofs/inclusion.")
    static final class VerifyInclusion implements Callable<Integer> {
        @Option(names = "--event-hash", required = true, description = "the hash on the receipt")
        String eventHash;

        @Option(names = "--proof", required = true, description = "the JSON answer of /proofs/inclusion")
        Path proof;

        @Option(names = "--checkpoint", required = true, description = "the JSON of the signed checkpoint")
        Path checkpoint;

        @Option(names = "--keys", required = true, description = "trusted-keys file with projections' key")
        Path keys;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            JsonNode path = LedgerJson.mapper().readTree(Files.readAllBytes(proof));
            Checkpoint signed = LedgerJson.mapper().readValue(Files.readAllBytes(checkpoint), Checkpoint.class);
            List<byte[]> audit = new java.util.ArrayList<>();
            path.get("path").forEach(p -> audit.add(Hashes.fromHex(p.asText())));
            boolean signedOk = signed.signedBy(TrustedKeys.read(keys), Auditor.PROJECTIONS);
            boolean included = MerkleProofs.verifyInclusion(TreeHashes.leaf(Hashes.fromHex(eventHash)),
                    path.get("leafIndex").asLong(), signed.treeSize(), audit, Hashes.fromHex(signed.rootHash()));
            var out = spec.commandLine().getOut();
            out.println((signedOk ? "PASS" : "FAIL") + "  checkpoint signed by a trusted " + Auditor.PROJECTIONS + " key");
            out.println((included ? "PASS" : "FAIL") + "  event " + eventHash + " is leaf " + path.get("leafIndex").asLong()
                    + " of the tree of " + signed.treeSize() + " with root " + signed.rootHash());
            out.println("OVERALL " + (signedOk && included ? "PASS" : "FAIL"));
            return signedOk && included ? 0 : FAILED;
        }
    }

    private static String competitionOf(byte[] value) {
        try {
            JsonNode id = EventCodec.parse(value).get("competitionid");
            return id == null ? null : id.asText();
        } catch (InvalidRecordException malformed) {
            return null;
        }
    }

    static void print(PrintWriter out, String source, AuditReport report) {
        out.printf("ledgerboard audit of %s: %d records, %d byte-identical duplicates skipped%n", source,
                report.records(), report.duplicates());
        for (Verdict verdict : report.verdicts()) {
            out.printf("%s  %-10s %s%n", verdict.passed() ? "PASS" : "FAIL", verdict.check(), verdict.description());
            for (Finding finding : verdict.findings()) {
                out.printf("      %s%n", finding);
            }
        }
        report.unsealed().forEach((chain, count) ->
                out.printf("NOTE  unsealed: %s has %d events after its last seal (reported, not verified)%n", chain, count));
        for (CompetitionViews views : report.views()) {
            out.printf("%nviews of %s (digest %s)%n", views.competitionId(), report.viewsDigests().get(views.competitionId()));
            var standings = views.standings();
            if (standings.currentRound() != null) {
                out.printf("  standings after %s:%n", standings.currentRound());
                for (Standing s : standings.current()) {
                    out.printf("    %d. %-20s %s%s%n", s.rank(), s.teamId(), s.total() == null ? "-" : s.total(),
                            standings.eliminated().contains(s.teamId()) ? "  ELIMINATED" : "");
                }
            }
            if (!standings.finalists().isEmpty()) {
                out.printf("  finalists: %s%n", standings.finalists());
            }
            views.funding().totals().forEach((resource, a) -> out.printf(
                    "  funding %-10s budget %s granted %s disbursed %s revoked %s remaining %s%n", resource,
                    views.funding().budget().get(resource), a.granted(), a.disbursed(), a.revoked(), a.remaining()));
        }
        out.printf("%nOVERALL %s%n", report.passed() ? "PASS" : "FAIL");
    }
}

package org.ledgerboard.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole competition end to end, as a user runs it: {@code deploy/ledgerboard up --demo} starts the real broker,
 * store and services as processes on free ports, plays round 1 through the public APIs and audits the ledger;
 * an exported ledger with one altered byte fails the audit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FoundingCompetitionIT {
    private static final Path SCRIPT = Path.of("ledgerboard").toAbsolutePath();
    private static final Path HOME = Path.of("target", "e2e-home").toAbsolutePath();
    private static final Map<String, String> ENV = new HashMap<>();

    /** What a command printed and how it ended. */
    record Run(int exit, String output) {
    }

    private static Run demo;

    @BeforeAll
    static void upWithTheDemo() throws Exception {
        deleteRecursively(HOME);
        ENV.put("LEDGERBOARD_HOME", HOME.toString());
        for (String port : List.of("KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "STORE_PORT", "TEAM_PORT",
                "EVALUATION_PORT", "RANKING_PORT", "PROJECTIONS_PORT")) {
            ENV.put("LEDGERBOARD_" + port, Integer.toString(freePort()));
        }
        demo = ledgerboard("up", "--demo");
    }

    @AfterAll
    static void down() throws Exception {
        ledgerboard("down");
    }

    @Test
    @Order(1)
    void theDemoPlaysRoundOneAndTheAuditPasses() {
        assertThat(demo.exit()).as(demo.output()).isZero();
        assertThat(demo.output())
                .contains("ILLUSTRATIVE", "Standings after round-1", "ELIMINATED", "Funding (GPU_HOURS")
                .contains("PASS  seals", "PASS  F5", "PASS  F6", "OVERALL PASS");
    }

    @Test
    @Order(2)
    void anExportWithOneAlteredByteFailsTheAudit() throws Exception {
        Path export = HOME.resolve("founding.jsonl");
        assertThat(ledgerboard("export", "--competition", "sovereign-ai-2025", "--out", export.toString()).exit())
                .isZero();
        List<String> lines = Files.readAllLines(export, StandardCharsets.UTF_8);
        int granted = lines.indexOf(lines.stream().filter(l -> l.contains("FundingGranted")).findFirst().orElseThrow());
        lines.set(granted, lines.get(granted).replace("\"150000\"", "\"950000\""));
        Path tampered = HOME.resolve("tampered.jsonl");
        Files.write(tampered, lines, StandardCharsets.UTF_8);

        Run audit = ledgerboard("audit", "--file", tampered.toString(), "--keys",
                HOME.resolve("trusted-keys.json").toString());

        assertThat(audit.exit()).as(audit.output()).isEqualTo(1);
        assertThat(audit.output()).contains("FAIL  integrity", "at position " + (granted + 1), "OVERALL FAIL");
    }

    @Test
    @Order(3)
    void aSecondUpFindsTheDataOfTheFirst() throws Exception {
        assertThat(ledgerboard("down").exit()).isZero();

        Run again = ledgerboard("up", "--demo");

        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.output()).contains("already played", "OVERALL PASS");
    }

    private static Run ledgerboard(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(ENV);
        Path log = Files.createTempFile("ledgerboard", ".log");
        Process process = builder.redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println("$ ledgerboard " + String.join(" ", args) + "\n" + output);
        return new Run(process.exitValue(), output);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}

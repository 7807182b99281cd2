package org.ledgerboard.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole competition end to end, as a user runs it: {@code deploy/ledgerboard up --demo} starts the real broker,
 * store and services as processes on free ports, plays round 1 through the public APIs and audits the ledger;
 * an exported ledger with one altered byte fails the audit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FoundingCompetitionIT {
    private static LocalRuntime runtime;
    private static LocalRuntime.Run demo;

    @BeforeAll
    static void upWithTheDemo() throws Exception {
        runtime = new LocalRuntime("e2e-home");
        demo = runtime.ledgerboard("up", "--demo");
    }

    @AfterAll
    static void down() throws Exception {
        runtime.ledgerboard("down");
    }

    @Test
    @Order(1)
    void theDemoPlaysRoundOneAndTheAuditPasses() {
        assertThat(demo.exit()).as(demo.output()).isZero();
        assertThat(demo.output())
                .contains("ILLUSTRATIVE", "Standings after round-1", "ELIMINATED", "Funding (GPU_HOURS")
                .contains("PASS  seals", "PASS  F5", "PASS  F6", "PASS  F8", "PASS  F9", "OVERALL PASS");
    }

    @Test
    @Order(2)
    void anExportWithOneAlteredByteFailsTheAudit() throws Exception {
        Path export = runtime.home.resolve("founding.jsonl");
        assertThat(runtime.ledgerboard("export", "--competition", "sovereign-ai-2025", "--out", export.toString()).exit())
                .isZero();
        List<String> lines = Files.readAllLines(export, StandardCharsets.UTF_8);
        int granted = lines.indexOf(lines.stream().filter(l -> l.contains("FundingGranted")).findFirst().orElseThrow());
        lines.set(granted, lines.get(granted).replace("\"150000\"", "\"950000\""));
        Path tampered = runtime.home.resolve("tampered.jsonl");
        Files.write(tampered, lines, StandardCharsets.UTF_8);

        LocalRuntime.Run audit = runtime.ledgerboard("audit", "--file", tampered.toString(), "--keys",
                runtime.home.resolve("trusted-keys.json").toString());

        assertThat(audit.exit()).as(audit.output()).isEqualTo(1);
        assertThat(audit.output()).contains("FAIL  integrity", "at position " + (granted + 1), "OVERALL FAIL");
    }

    @Test
    @Order(3)
    void aSecondUpFindsTheDataOfTheFirst() throws Exception {
        assertThat(runtime.ledgerboard("down").exit()).isZero();

        LocalRuntime.Run again = runtime.ledgerboard("up", "--demo");

        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.output()).contains("already played", "OVERALL PASS");
    }
}

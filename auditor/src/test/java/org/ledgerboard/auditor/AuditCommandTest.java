package org.ledgerboard.auditor;

import org.junit.jupiter.api.Test;
import org.ledgerboard.core.audit.FoundingCompetition;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The auditor's command line over a JSON Lines ledger, as a user runs it. */
class AuditCommandTest {
    @TempDir
    Path dir;

    private Path write(FoundingCompetition.Ledger ledger, List<byte[]> records) throws IOException {
        Path file = dir.resolve("ledger.jsonl");
        try (var out = Files.newOutputStream(file)) {
            for (byte[] r : records) {
                out.write(r);
                out.write('\n');
            }
        }
        ledger.trustedKeys().write(dir.resolve("keys.json"));
        return file;
    }

    private static String run(int expectedExit, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = AuditCommand.run(out, args);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isEqualTo(expectedExit);
        return text;
    }

    @Test
    void aCleanLedgerPassesWithAVerdictPerCheckAndTheViews() throws IOException {
        FoundingCompetition.Ledger ledger = new FoundingCompetition.Ledger(FoundingCompetition.steps());
        Path file = write(ledger, ledger.records);

        String out = run(0, "audit", "--file", file.toString(), "--keys", dir.resolve("keys.json").toString());

        assertThat(out).contains("PASS  integrity", "PASS  seals", "PASS  F1", "PASS  F7", "OVERALL PASS")
                .contains("standings after r1", "nc-ai", "ELIMINATED", "funding GPU_HOURS");
    }

    @Test
    void aTamperedLedgerFailsNamingThePositionAndExitsNonZero() throws IOException {
        FoundingCompetition.Ledger ledger = new FoundingCompetition.Ledger(FoundingCompetition.steps());
        List<byte[]> records = new java.util.ArrayList<>(ledger.records);
        records.set(2, new String(records.get(2), StandardCharsets.UTF_8).replace("업스테이지", "업스테이쥐")
                .getBytes(StandardCharsets.UTF_8));
        Path file = write(ledger, records);

        String out = run(1, "audit", "--file", file.toString(), "--keys", dir.resolve("keys.json").toString());

        assertThat(out).contains("FAIL  integrity", "at position 3", "OVERALL FAIL");
    }

    @Test
    void koreanTextIsPrintedAsUtf8WhateverThePlatformCharset() throws IOException {
        FoundingCompetition.Ledger ledger = new FoundingCompetition.Ledger(FoundingCompetition.steps());
        Path korean = Files.createDirectories(dir.resolve("독자-AI-파운데이션-모델-감사"));
        Path file = Files.move(write(ledger, ledger.records), korean.resolve("원장.jsonl"));

        String out = run(0, "audit", "--file", file.toString(), "--keys", dir.resolve("keys.json").toString());

        assertThat(out).contains("독자-AI-파운데이션-모델-감사/원장.jsonl").doesNotContain("\uFFFD", "?");
    }

    @Test
    void jsonOutputIsMachineReadable() throws IOException {
        FoundingCompetition.Ledger ledger = new FoundingCompetition.Ledger(FoundingCompetition.steps());
        Path file = write(ledger, ledger.records);

        String out = run(0, "audit", "--json", "--file", file.toString(), "--keys", dir.resolve("keys.json").toString());

        assertThat(org.ledgerboard.core.canonical.LedgerJson.mapper().readTree(out).get("verdicts").size()).isEqualTo(14);
    }

    @Test
    void withoutKeysTheCommandExplainsItsUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(AuditCommand.run(new PrintStream(new ByteArrayOutputStream()), "audit", "--file", "x.jsonl"))
                    .isEqualTo(2);
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--keys");
    }
}

package org.ledgerboard.auditor;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerboard.core.audit.FoundingCompetition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** An audit run as a job leaves its verdicts as Prometheus metrics: in a file, or pushed to a Pushgateway. */
class AuditMetricsTest {
    @TempDir
    Path dir;

    @Test
    void theVerdictsAreWrittenForTheTextfileCollector() throws IOException {
        Path ledger = tamperedLedger();
        Path metrics = dir.resolve("audit.prom");

        assertThat(AuditCommand.run(new ByteArrayOutputStream(), "audit", "--file", ledger.toString(), "--keys",
                dir.resolve("keys.json").toString(), "--metrics-file", metrics.toString())).isEqualTo(1);

        assertThat(Files.readString(metrics)).contains("ledgerboard_audit_passed{competition=\"all\"} 0.0")
                .contains("ledgerboard_audit_findings{check=\"integrity\",competition=\"all\"} 1.0")
                .contains("ledgerboard_audit_findings{check=\"F1\",competition=\"all\"} 0.0")
                .contains("ledgerboard_audit_records{competition=\"all\"}")
                .contains("ledgerboard_audit_last_run_timestamp_seconds{competition=\"all\"}");
    }

    @Test
    void theVerdictsArePushedToAPushgatewayUnderTheAuditJob() throws IOException {
        Path ledger = tamperedLedger();
        List<String> pushed = new CopyOnWriteArrayList<>();
        HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/", exchange -> {
            pushed.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n"
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        gateway.start();
        try {
            AuditCommand.run(new ByteArrayOutputStream(), "audit", "--file", ledger.toString(), "--keys",
                    dir.resolve("keys.json").toString(), "--competition", FoundingCompetition.C,
                    "--pushgateway", "http://127.0.0.1:" + gateway.getAddress().getPort());
        } finally {
            gateway.stop(0);
        }

        assertThat(pushed).singleElement().asString()
                .startsWith("PUT /metrics/job/ledgerboard-audit/competition/sovereign-ai-2025")
                .contains("ledgerboard_audit_passed{competition=\"sovereign-ai-2025\"} 0");
    }

    /** The founding competition's ledger with one record altered: the audit fails on integrity. */
    private Path tamperedLedger() throws IOException {
        FoundingCompetition.Ledger ledger = new FoundingCompetition.Ledger(FoundingCompetition.steps());
        Path file = dir.resolve("ledger.jsonl");
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < ledger.records.size(); i++) {
                byte[] record = ledger.records.get(i);
                out.write(i == 2 ? new String(record, StandardCharsets.UTF_8).replace("업스테이지", "업스테이쥐")
                        .getBytes(StandardCharsets.UTF_8) : record);
                out.write('\n');
            }
        }
        ledger.trustedKeys().write(dir.resolve("keys.json"));
        return file;
    }
}

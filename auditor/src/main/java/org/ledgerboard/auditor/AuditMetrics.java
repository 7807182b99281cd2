package org.ledgerboard.auditor;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.ledgerboard.core.audit.AuditReport;
import org.ledgerboard.core.audit.Verdict;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * An audit's verdicts as Prometheus metrics, for an audit run as a job: pushed to a Pushgateway (job
 * {@code ledgerboard-audit}, grouped by competition) or written for node_exporter's textfile collector.
 * {@code ledgerboard_audit_passed} (1 or 0), {@code ledgerboard_audit_findings} per check,
 * {@code ledgerboard_audit_records}, {@code ledgerboard_audit_last_run_timestamp_seconds}; the label
 * {@code competition} is the one audited, or {@code all}.
 */
final class AuditMetrics {
    static final String JOB = "ledgerboard-audit";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final String competition;

    AuditMetrics(String competition, AuditReport report, Instant finished) {
        this.competition = competition;
        gauge("ledgerboard_audit_passed", "1 when the audit passed every check, 0 when one failed")
                .labelValues(competition).set(report.passed() ? 1 : 0);
        Gauge findings = Gauge.builder().name("ledgerboard_audit_findings")
                .help("Findings of the audit, per check (0: the check passed)")
                .labelNames("competition", "check").register(registry);
        for (Verdict verdict : report.verdicts()) {
            findings.labelValues(competition, verdict.check()).set(verdict.findings().size());
        }
        gauge("ledgerboard_audit_records", "Ledger records the audit read").labelValues(competition).set(report.records());
        gauge("ledgerboard_audit_last_run_timestamp_seconds", "When the audit finished (Unix time)")
                .labelValues(competition).set(finished.toEpochMilli() / 1000.0);
    }

    /** Pushes the metrics to the Pushgateway at {@code gateway}, e.g. {@code http://pushgateway:9091}. */
    void push(URI gateway) throws IOException {
        PushGateway.builder().scheme("https".equals(gateway.getScheme()) ? Scheme.HTTPS : Scheme.HTTP)
                .address(gateway.getHost() + ":" + (gateway.getPort() < 0 ? 9091 : gateway.getPort()))
                .job(JOB).groupingKey("competition", competition).format(Format.PROMETHEUS_TEXT).registry(registry)
                .build().push();
    }

    /** Writes the metrics in the text format; whole or not at all, as the textfile collector may read it any time. */
    void write(Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            new PrometheusTextFormatWriter(false).write(out, registry.scrape());
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Gauge gauge(String name, String help) {
        return Gauge.builder().name(name).help(help).labelNames("competition").register(registry);
    }
}

package org.ledgerboard.service.telemetry;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.ledgerboard.service.ServiceConfig;

/**
 * Where spans go: over OTLP/HTTP to {@code ledgerboard.otlp-endpoint} (LEDGERBOARD_OTLP_ENDPOINT, e.g.
 * {@code http://collector:4318}) when one is configured, nowhere otherwise. Spans are made either way, so trace
 * ids reach the logs and the ledger's headers. Quarkus's own exporter is off
 * ({@code quarkus.otel.exporter.otlp.enabled=false}): it cannot be left unconfigured, and would send every span to
 * localhost:4317.
 */
@Singleton
class TraceExport {
    @Produces
    @Singleton
    SpanProcessor export(ServiceConfig config) {
        return config.otlpEndpoint()
                .<SpanProcessor>map(endpoint -> BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder()
                        .setEndpoint(endpoint.toString().replaceAll("/+$", "") + "/v1/traces").build()).build())
                .orElseGet(SpanProcessor::composite);
    }
}

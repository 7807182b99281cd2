package org.ledgerboard.team.telemetry;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The spans the service ends, kept in memory for the tests to read (beside whatever TraceExport does). */
@Singleton
public class RecordedSpans {
    static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

    @Produces
    @Singleton
    SpanProcessor recorded() {
        return SimpleSpanProcessor.create(SPANS);
    }
}

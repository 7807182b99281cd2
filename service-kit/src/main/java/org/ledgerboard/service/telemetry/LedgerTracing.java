package org.ledgerboard.service.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.ledgerboard.core.event.LedgerRecord;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The ledger's hops as spans of one trace: a command's context (W3C trace context) rides in its Axon metadata into
 * the event store, from there into the span that publishes the record, and in the Kafka record's headers to the
 * span of every service that reads it. Never in the record itself: the hashed, signed bytes are the same with
 * tracing on or off.
 */
@ApplicationScoped
public class LedgerTracing {
    /** The W3C trace-context keys, as Axon metadata and as Kafka headers. */
    public static final List<String> KEYS = List.of("traceparent", "tracestate");
    public static final AttributeKey<String> COMPETITION = AttributeKey.stringKey("ledgerboard.competition");
    public static final AttributeKey<String> RECORD_TYPE = AttributeKey.stringKey("ledgerboard.record.type");
    public static final AttributeKey<String> RECORD_ID = AttributeKey.stringKey("ledgerboard.record.id");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public LedgerTracing(OpenTelemetry telemetry) {
        this.tracer = telemetry.getTracer("org.ledgerboard");
        this.propagator = telemetry.getPropagators().getTextMapPropagator();
    }

    /** The current span's context as W3C keys and values; empty when there is no span. */
    public Map<String, String> current() {
        Map<String, String> carrier = new HashMap<>();
        if (Span.current().getSpanContext().isValid()) {
            propagator.inject(Context.current(), carrier, (map, key, value) -> {
                if (KEYS.contains(key)) {
                    map.put(key, value);
                }
            });
        }
        return carrier;
    }

    /**
     * A span for publishing the record, child of the act that recorded it ({@code trace}: its W3C keys as the event
     * store kept them); none (an invalid span) for a record no traced act made, such as a seal.
     */
    public Span publishing(LedgerRecord record, Map<String, ?> trace, String topic) {
        Context parent = propagator.extract(Context.root(), trace, MAP);
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return Span.getInvalid();
        }
        return describe(tracer.spanBuilder("publish " + topic).setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute(DESTINATION, topic), record).startSpan();
    }

    /** Carries the span's context in the Kafka record's headers, where the readers' spans continue it. */
    public void inject(Span span, Headers headers) {
        if (span.getSpanContext().isValid()) {
            propagator.inject(Context.root().with(span), headers,
                    (carrier, key, value) -> carrier.add(key, value.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * A span for acting on a record read from the ledger, child of the span that published it; none (an invalid
     * span) when its headers carry no trace (a seal, a record of an untraced writer).
     */
    public Span receiving(String name, Headers headers, LedgerRecord record) {
        Span span = receiving(name, headers, record.competitionId());
        return span.setAttribute(RECORD_TYPE, record.type()).setAttribute(RECORD_ID, record.id());
    }

    /** As {@link #receiving(String, Headers, LedgerRecord)}, for a reader that has not decoded the record. */
    public Span receiving(String name, Headers headers, String competitionId) {
        Context parent = propagator.extract(Context.root(), headers, HEADERS);
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder(name).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "kafka").setAttribute(COMPETITION, competitionId).startSpan();
    }

    /** The tracer, for spans of a service's own (projections' fold and push). */
    public Tracer tracer() {
        return tracer;
    }

    /** Ends the span, marked as failed when {@code failure} is not null. */
    public static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
        }
        span.end();
    }

    private static SpanBuilder describe(SpanBuilder span, LedgerRecord record) {
        return span.setAttribute(SYSTEM, "kafka").setAttribute(COMPETITION, record.competitionId())
                .setAttribute(RECORD_TYPE, record.type()).setAttribute(RECORD_ID, record.id());
    }

    private static final TextMapGetter<Map<String, ?>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, ?> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, ?> carrier, String key) {
            Object value = carrier == null ? null : carrier.get(key);
            return value == null ? null : value.toString();
        }
    };

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };
}

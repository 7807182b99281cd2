package org.ledgerboard.deploy;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.kafka.LedgerTopics;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark: from a record on {@code ledger.events} (its broker timestamp) to the live update that reflects it
 * arriving at a Server-Sent Events client of projections. Arguments: BOOTSTRAP PROJECTIONS_URL [SAMPLES=60].
 */
public final class UpdateLatency {
    private UpdateLatency() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String projections = args[1];
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        String c = "sse-" + UUID.randomUUID().toString().substring(0, 6);
        BlockingQueue<long[]> arrivals = new LinkedBlockingQueue<>(); // {position, arrival millis}
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            send(producer, c, 0, new CompetitionLaunched(c, "sse", "bench", Map.of("KRW", BigDecimal.ONE), 1));
            Thread.sleep(1500); // let projections learn the competition before subscribing
            HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(projections + "/competitions/" + c + "/updates")).header("Accept", "text/event-stream")
                    .header("Last-Event-ID", "999999999").build(), HttpResponse.BodyHandlers.ofInputStream());
            Thread reader = new Thread(() -> read(stream.body(), arrivals), "sse-reader");
            reader.setDaemon(true);
            reader.start();
            List<Long> latencies = new ArrayList<>();
            for (int i = 1; i <= samples; i++) {
                RecordMetadata sent = send(producer, c, i, new TeamSelected(c, "t" + i, "t", "t", List.of("t"), List.of("member-t" + i)));
                while (true) {
                    long[] arrival = arrivals.poll(30, TimeUnit.SECONDS);
                    if (arrival == null) {
                        throw new IllegalStateException("no update within 30 s");
                    }
                    if (arrival[0] >= sent.offset()) {
                        latencies.add(arrival[1] - sent.timestamp());
                        break;
                    }
                }
            }
            Collections.sort(latencies);
            System.out.printf("%d updates: record on ledger.events -> SSE event at a client p50 %d ms, p99 %d ms%n",
                    samples, latencies.get(samples / 2), latencies.get((int) Math.ceil(samples * 0.99) - 1));
        }
    }

    private static RecordMetadata send(KafkaProducer<String, byte[]> producer, String c, long sequence,
                                       LedgerEvent event) throws Exception {
        LedgerRecord record = EventCodec.stamp(new LedgerRecord(UUID.randomUUID().toString(), "/bench", null,
                Instant.now(), c, sequence, event, null));
        return producer.send(new ProducerRecord<>(LedgerTopics.EVENTS, c, EventCodec.encode(record))).get();
    }

    private static void read(java.io.InputStream body, BlockingQueue<long[]> arrivals) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("id:")) {
                    arrivals.add(new long[]{Long.parseLong(line.substring(3).trim()), System.currentTimeMillis()});
                }
            }
        } catch (java.io.IOException e) {
            // stream closed
        }
    }
}

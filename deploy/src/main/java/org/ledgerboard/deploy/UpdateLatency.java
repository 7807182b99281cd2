package org.ledgerboard.deploy;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.kafka.LedgerTopics;

import java.io.BufferedReader;
import java.io.InputStream;
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
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Benchmark: from a record on {@code ledger.events} to the live update that covers it arriving at a Server-Sent
 * Events client of projections, with records produced at a steady RATE per second for SECONDS after a warm-up of
 * WARM_UP seconds (not counted). A record's time is its producer timestamp (so the produce itself is counted); it
 * is covered by the first update whose id (ledger position) is at or beyond its offset.
 * Arguments: BOOTSTRAP PROJECTIONS_URL [RATE=1000] [SECONDS=20] [WARM_UP=60]. Last line: p50=Xms p99=Yms.
 */
public final class UpdateLatency {
    private UpdateLatency() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String projections = args[1];
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        String c = "sse-" + UUID.randomUUID().toString().substring(0, 6);
        ConcurrentSkipListMap<Long, Long> arrivals = new ConcurrentSkipListMap<>(); // position -> arrival millis
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record(c, 0, new CompetitionLaunched(c, "sse", "bench", Map.of("KRW", BigDecimal.ONE), 1))).get();
            HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(projections + "/competitions/" + c + "/updates")).header("Accept", "text/event-stream")
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            Thread reader = new Thread(() -> read(stream.body(), arrivals), "sse-reader");
            reader.setDaemon(true);
            reader.start();

            send(producer, c, 1, rate, warmUp, new ArrayList<>());
            List<long[]> measured = Collections.synchronizedList(new ArrayList<>()); // {offset, producer timestamp}
            long first = 1 + (long) rate * warmUp;
            send(producer, c, first, rate, seconds, measured);
            producer.flush();

            long lastOffset = measured.stream().mapToLong(m -> m[0]).max().orElseThrow();
            long deadline = System.currentTimeMillis() + 30_000;
            while (arrivals.ceilingKey(lastOffset) == null) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("no update covered offset " + lastOffset + " within 30 s");
                }
                Thread.sleep(10); // the reader thread records arrivals; a benchmark may poll for the last one
            }
            List<Long> latencies = new ArrayList<>();
            for (long[] m : measured) {
                latencies.add(arrivals.ceilingEntry(m[0]).getValue() - m[1]);
            }
            Collections.sort(latencies);
            int n = latencies.size();
            System.out.printf("%d records at %d/s over %d s (after %d s of warm-up), %d updates received: record on "
                    + "ledger.events -> SSE event at a client%n", n, rate, seconds, warmUp, arrivals.size());
            System.out.printf("p50=%dms p99=%dms%n", latencies.get(n / 2), latencies.get((int) Math.ceil(n * 0.99) - 1));
        }
    }

    /** Sends RATE records a second for SECONDS, paced per millisecond; measured records get their offset and time. */
    private static void send(KafkaProducer<String, byte[]> producer, String c, long firstSequence, int rate,
                             int seconds, List<long[]> measured) {
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        AtomicReference<Exception> failed = new AtomicReference<>();
        for (long i = 0; i < total; i++) {
            long due = start + i * TimeUnit.SECONDS.toNanos(1) / rate;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait); // not a spin: the machine's two cores are what is measured
            }
            long sequence = firstSequence + i;
            producer.send(record(c, sequence, new TeamSelected(c, "t" + sequence, "t", "t", List.of("t"),
                    List.of("member-t" + sequence))), (metadata, failure) -> {
                if (failure != null) {
                    failed.set(failure);
                } else {
                    measured.add(new long[]{metadata.offset(), metadata.timestamp()});
                }
            });
        }
        if (failed.get() != null) {
            throw new IllegalStateException("a send failed", failed.get());
        }
    }

    private static ProducerRecord<String, byte[]> record(String c, long sequence, LedgerEvent event) {
        LedgerRecord record = EventCodec.stamp(new LedgerRecord(UUID.randomUUID().toString(), "/bench", null,
                Instant.now(), c, sequence, event, null));
        return new ProducerRecord<>(LedgerTopics.EVENTS, c, EventCodec.encode(record));
    }

    private static void read(InputStream body, Map<Long, Long> arrivals) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("id:")) {
                    arrivals.put(Long.parseLong(line.substring(3).trim()), System.currentTimeMillis());
                }
            }
        } catch (java.io.IOException e) {
            // stream closed
        }
    }
}

package org.ledgerboard.deploy;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.Criterion;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.EventTypes;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.RoundClosed;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.RoundScored;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.kafka.LedgerTopics;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Benchmark: the time from a RoundClosed on {@code ledger.events} to ranking-service's TeamEliminated on it, over
 * many rounds played one after another (broker timestamps of both records). Needs a running ranking-service.
 * Rounds of a warm-up are played first and reported apart: a runtime just started still compiles the path, and its
 * first rounds measured that rather than the path. Arguments: BOOTSTRAP [ROUNDS=300] [WARM_UP=100].
 */
public final class RankingLatency {
    private static final String ELIMINATED = EventTypes.typeOf(TeamEliminated.class);

    private RankingLatency() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        String run = UUID.randomUUID().toString().substring(0, 6);
        // Encoded before the first round is played: this process shares the machine with the runtime, and encoding
        // and its compilation while rounds are decided took CPU from the path measured (~40 % of a core).
        List<List<byte[]>> played = new ArrayList<>();
        for (int i = 0; i < warmUp + rounds; i++) {
            played.add(round("latency-" + run + "-" + i));
        }
        List<Long> latencies = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ConsumerConfig.GROUP_ID_CONFIG, "latency-" + run,
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(LedgerTopics.EVENTS));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            for (int i = 0; i < played.size(); i++) {
                String c = "latency-" + run + "-" + i;
                long closedAt = 0;
                for (byte[] record : played.get(i)) {
                    closedAt = producer.send(new ProducerRecord<>(LedgerTopics.EVENTS, c, record)).get().timestamp();
                }
                latencies.add(awaitElimination(consumer, c) - closedAt);
            }
        }
        if (warmUp > 0) {
            report("warm-up (not counted), " + warmUp + " rounds", latencies.subList(0, warmUp));
        }
        report(rounds + " rounds", latencies.subList(warmUp, latencies.size()));
    }

    private static void report(String what, List<Long> measured) {
        List<Long> latencies = new ArrayList<>(measured);
        Collections.sort(latencies);
        System.out.printf("%s: RoundClosed -> TeamEliminated on ledger.events p50 %d ms, p99 %d ms, max %d ms%n",
                what, latencies.get(latencies.size() / 2),
                latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1), latencies.get(latencies.size() - 1));
    }

    /** A competition with three teams and one scored round, and its close, encoded in the order they are sent. */
    private static List<byte[]> round(String c) {
        Instant now = Instant.now();
        List<LedgerEvent> events = new ArrayList<>(List.of(
                new CompetitionLaunched(c, "latency", "bench", Map.of("KRW", BigDecimal.ONE), 1),
                new RoundOpened(c, "r1", 1, now.plusSeconds(3600), List.of(
                        new Criterion("x", BigDecimal.ONE, BigDecimal.TEN)), 2, 1, List.of("teamId"))));
        for (int t = 0; t < 3; t++) {
            events.add(1, new TeamSelected(c, "t" + t, "t" + t, "t" + t, List.of("t" + t), List.of("member-t" + t)));
            events.add(new RoundScored(c, "r1", "t" + t, Map.of("x", BigDecimal.valueOf(t)), BigDecimal.valueOf(t)));
        }
        events.add(new RoundClosed(c, "r1", List.of("t0", "t1", "t2")));
        List<byte[]> records = new ArrayList<>();
        for (int seq = 0; seq < events.size(); seq++) {
            records.add(EventCodec.encode(EventCodec.stamp(new LedgerRecord(UUID.randomUUID().toString(), "/bench",
                    null, now, c, seq, events.get(seq), null))));
        }
        return records;
    }

    private static long awaitElimination(KafkaConsumer<String, byte[]> consumer, String c) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                if (c.equals(r.key()) && ELIMINATED.equals(type(r))) { // by its header: no decoding in the window
                    return r.timestamp();
                }
            }
        }
        throw new IllegalStateException("no elimination for " + c + " within 60 s");
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader(LedgerTopics.TYPE_HEADER);
        return type == null ? null : new String(type.value(), StandardCharsets.UTF_8);
    }
}

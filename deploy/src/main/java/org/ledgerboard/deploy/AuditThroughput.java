package org.ledgerboard.deploy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ledgerboard.core.audit.AuditReport;
import org.ledgerboard.core.audit.Auditor;
import org.ledgerboard.core.event.Actor;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.FundingDisbursed;
import org.ledgerboard.core.event.FundingGranted;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.integrity.Sealer;
import org.ledgerboard.core.integrity.SigningKey;
import org.ledgerboard.core.integrity.TrustedKeys;

import java.io.BufferedReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Benchmark: the auditor's throughput over a JSON Lines ledger, and a bare KafkaConsumer loop over the same
 * records on a broker, in one run. Arguments: BOOTSTRAP FILE [RECORDS=1000000]. Competitions of 1,000 records:
 * a launch, 50 teams, then grants and disbursements, sealed every 250 events.
 */
public final class AuditThroughput {
    private AuditThroughput() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        Path file = Path.of(args[1]);
        int records = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        SigningKey key = SigningKey.generate();
        TrustedKeys keys = TrustedKeys.of("/team-service", key.verifyingKey());

        long start = System.nanoTime();
        int written = generate(file, records, key);
        System.out.printf("generated %d records (%d MB) in %.1f s%n", written, Files.size(file) >> 20, seconds(start));

        start = System.nanoTime();
        Auditor auditor = new Auditor(keys);
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long position = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                auditor.accept(++position, line.getBytes(StandardCharsets.UTF_8));
            }
        }
        AuditReport report = auditor.report();
        double auditSeconds = seconds(start);
        System.out.printf("auditor: %d records in %.1f s = %.0f records/s, verdict %s%n", report.records(),
                auditSeconds, report.records() / auditSeconds, report.passed() ? "PASS" : "FAIL");
        report.verdicts().stream().filter(v -> !v.passed())
                .forEach(v -> System.out.println("  FAIL " + v.check() + ": " + v.findings().get(0)));

        String topic = "bench-audit-" + UUID.randomUUID().toString().substring(0, 6);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 262_144),
                new StringSerializer(), new ByteArraySerializer());
             BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                producer.send(new ProducerRecord<>(topic, "k", line.getBytes(StandardCharsets.UTF_8)));
            }
        }
        start = System.nanoTime();
        long consumed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 52_428_800), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            while (consumed < written) {
                consumed += consumer.poll(Duration.ofMillis(500)).count();
            }
        }
        double consumeSeconds = seconds(start);
        System.out.printf("bare KafkaConsumer: %d records in %.1f s = %.0f records/s%n", consumed, consumeSeconds,
                consumed / consumeSeconds);
        System.out.printf("auditor / consumer throughput ratio: %.3f%n", (written / auditSeconds) / (consumed / consumeSeconds));
    }

    /** Every bench event is an organiser's act (launch, selection, funding), taken by the launching organiser. */
    private static final Actor ORGANISER = new Actor(Actor.ORGANISER, "bench-organiser", LocalIssuer.ISSUER);

    private static int generate(Path file, int records, SigningKey key) throws Exception {
        Sealer sealer = new Sealer("/team-service", key);
        int written = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int c = 0; written < records; c++) {
                String competition = "bench-" + c;
                long sequence = 0;
                long seals = 0;
                for (int i = 0; i < 1000 && written < records; i++) {
                    LedgerEvent event = i == 0
                            ? new CompetitionLaunched(competition, "bench", "bench", Map.of("GPU_HOURS", new BigDecimal("1000000000")), 1)
                            : i <= 50 ? new TeamSelected(competition, "t" + i, "team " + i, "lead " + i, List.of("lab " + i), List.of("member-t" + i))
                            : (i - 51) % 2 == 0 ? new FundingGranted(competition, "g" + i, "t" + (1 + i % 50), "GPU_HOURS", new BigDecimal("100"), 1)
                            : new FundingDisbursed(competition, "g" + (i - 1), "d" + i, new BigDecimal("40"));
                    LedgerRecord record = EventCodec.stamp(new LedgerRecord(competition + "-" + i, "/team-service",
                            null, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), competition, sequence++,
                            ORGANISER, event, null));
                    sealer.append(record);
                    written += write(out, record);
                    if (i % 250 == 249) {
                        written += write(out, EventCodec.stamp(new LedgerRecord(UUID.randomUUID().toString(),
                                "/team-service", null, Instant.now(), "/team-service/seals", seals++,
                                sealer.seal(competition), null)));
                    }
                }
            }
        }
        return written;
    }

    private static int write(OutputStream out, LedgerRecord record) throws java.io.IOException {
        out.write(EventCodec.encode(record));
        out.write('\n');
        return 1;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

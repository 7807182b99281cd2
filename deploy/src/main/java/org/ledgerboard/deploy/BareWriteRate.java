package org.ledgerboard.deploy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bare write rate of this machine for a command's work, without HTTP or Axon: each of N threads, per command,
 * inserts one 1 KB document into the store and produces one 1 KB record ({@code acks=all}, idempotent) to the
 * broker, waiting for both. What the write path is measured against. Usage: BareWriteRate BOOTSTRAP MONGO_URI
 * SECONDS THREADS; prints {@code bare/s=RATE}.
 */
public final class BareWriteRate {
    private BareWriteRate() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int seconds = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        String topic = "bench-bare-" + UUID.randomUUID().toString().substring(0, 6);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        byte[] record = "x".repeat(1000).getBytes(StandardCharsets.UTF_8);
        try (MongoClient store = MongoClients.create(args[1]);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 0),
                     new StringSerializer(), new ByteArraySerializer())) {
            MongoCollection<Document> documents = store.getDatabase("bench-bare").getCollection(topic);
            AtomicLong commands = new AtomicLong();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread writer = new Thread(() -> {
                    try {
                        while (System.nanoTime() < end) {
                            documents.insertOne(new Document("payload", "x".repeat(1000)));
                            producer.send(new ProducerRecord<>(topic, "k", record)).get();
                            commands.incrementAndGet();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                writer.start();
                writers.add(writer);
            }
            for (Thread writer : writers) {
                writer.join();
            }
            System.out.printf("bare/s=%.0f%n", commands.get() / (double) seconds);
        }
    }
}

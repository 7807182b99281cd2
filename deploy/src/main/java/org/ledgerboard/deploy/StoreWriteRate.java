package org.ledgerboard.deploy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What durable commits cost: 1 KB inserts through the MongoDB driver into the embedded store, from N threads,
 * once with H2's background commit (what a kill -9 could lose) and once committed before each answer.
 * Usage: StoreWriteRate SECONDS THREADS
 */
public final class StoreWriteRate {
    private StoreWriteRate() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        for (boolean durable : new boolean[]{false, true}) {
            Path file = Files.createTempDirectory("store-rate-").resolve("store.mv");
            MongoServer server = new MongoServer(durable ? new DurableH2Backend(file.toString()) : new H2Backend(file.toString()));
            InetSocketAddress address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
                MongoCollection<Document> events = client.getDatabase("bench").getCollection("events");
                events.insertOne(new Document("warm", true));
                System.out.printf("%-28s %,8.0f writes/s (%d threads, %d s)%n",
                        durable ? "committed before the answer:" : "background commit (before):",
                        rate(events, seconds, threads), threads, seconds);
            } finally {
                server.shutdownNow();
            }
        }
    }

    private static double rate(MongoCollection<Document> events, int seconds, int threads) throws InterruptedException {
        String payload = "x".repeat(1000);
        AtomicLong writes = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread writer = new Thread(() -> {
                while (System.nanoTime() < end) {
                    events.insertOne(new Document("payload", payload));
                    writes.incrementAndGet();
                }
            });
            writer.start();
            writers.add(writer);
        }
        for (Thread writer : writers) {
            writer.join();
        }
        return writes.get() / (double) seconds;
    }
}

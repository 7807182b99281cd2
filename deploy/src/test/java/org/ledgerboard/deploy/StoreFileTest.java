package org.ledgerboard.deploy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local store's file: what the driver wrote comes back the same after a restart, and unique indexes hold. */
class StoreFileTest {
    @TempDir
    Path folder;

    @Test
    void documentsComeBackAsWrittenAfterARestart() {
        Document written = new Document("_id", new ObjectId())
                .append("aggregateIdentifier", "team-가")
                .append("sequenceNumber", 7L)
                .append("count", 3)
                .append("amount", new Decimal128(new BigDecimal("1234.50")))
                .append("at", new Date(1_700_000_000_000L))
                .append("nested", new Document("list", List.of("a", 1, new Document("x", true))))
                .append("nothing", null);
        withStore(events -> events.insertOne(written));

        withStore(events -> assertThat(events.find(eq("_id", written.getObjectId("_id"))).first()).isEqualTo(written));
    }

    @Test
    void aUniqueIndexRefusesADuplicateBeforeAndAfterARestart() {
        withStore(events -> {
            events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"), new IndexOptions().unique(true));
            for (long sequence = 0; sequence < 500; sequence++) {
                events.insertOne(new Document("aggregateIdentifier", "c-" + sequence % 7).append("sequenceNumber", sequence));
            }
            assertDuplicateRefused(events);
        });

        withStore(events -> {
            assertDuplicateRefused(events);
            Document found = events.find(and(eq("aggregateIdentifier", "c-3"), eq("sequenceNumber", 10L))).first();
            assertThat(found).isNotNull();
            assertThat(found.getLong("sequenceNumber")).isEqualTo(10L);
            assertThat(events.countDocuments()).isEqualTo(500);
        });
    }

    /** Every commit rewrites the page it appends to, with documents an earlier commit wrote: updated ones as now. */
    @Test
    void updatedDocumentsComeBackAsUpdatedAfterARestart() {
        withStore(views -> {
            for (int n = 0; n < 200; n++) { // view k is updated once, when n is 2k or 2k + 1 and a multiple of 3
                views.insertOne(new Document("_id", "view-" + n).append("status", "pending").append("n", n));
                if (n % 3 == 0) {
                    views.updateOne(eq("_id", "view-" + n / 2), Updates.set("status", "answered-" + n));
                    views.findOneAndUpdate(eq("_id", "view-" + n / 2), Updates.inc("n", 1000));
                }
            }
        });

        withStore(views -> {
            for (int n = 0; n < 200; n += 3) {
                Document updated = views.find(eq("_id", "view-" + n / 2)).first();
                assertThat(updated.getString("status")).isEqualTo("answered-" + n);
                assertThat(updated.getInteger("n")).isEqualTo(n / 2 + 1000);
            }
        });
    }

    /**
     * A read goes on through the pages of the version it started on while writers commit newer ones: the chunks those
     * pages are in stay until the read is done, however long it takes. Here a chunk a commit leaves behind may be reused
     * at once (no retention time), and the pages a read needs are read from the file (a cache smaller than the data).
     */
    @Test
    void aLongReadSeesEveryDocumentWhileWritersCommit() {
        withStore(new DurableH2Backend(folder.resolve("store.mv").toString(), 0, 1), views -> {
            List<Document> documents = new ArrayList<>();
            for (int n = 0; n < 20_000; n++) {
                documents.add(new Document("_id", "view-" + n).append("n", n).append("status", "pending " + "x".repeat(100)));
            }
            views.insertMany(documents);
            AtomicBoolean reading = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<Integer>> updates = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int first = w;
                updates.add(writers.submit(() -> {
                    int n = first;
                    for (; reading.get(); n += 4) {
                        views.updateOne(eq("_id", "view-" + (n * 7919) % 20_000), Updates.set("status", "updated " + n));
                    }
                    return n / 4;
                }));
            }
            try {
                for (int scan = 0; scan < 20; scan++) { // a filter no index serves: each read goes through every page
                    assertThat(views.countDocuments(Filters.gte("n", 0))).isEqualTo(20_000);
                }
            } finally {
                reading.set(false);
                writers.shutdown();
            }
            for (Future<Integer> made : updates) {
                assertThat(made.get()).isPositive();
            }
        });
    }

    @Test
    void stringIdsAreKeys() {
        withStore(answers -> {
            answers.insertOne(new Document("_id", "key-1").append("status", 201));
            assertThatThrownBy(() -> answers.insertOne(new Document("_id", "key-1").append("status", 409)))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        });
        withStore(answers -> assertThat(answers.find(eq("_id", "key-1")).first().getInteger("status")).isEqualTo(201));
    }

    private static void assertDuplicateRefused(MongoCollection<Document> events) {
        assertThatThrownBy(() -> events.insertOne(new Document("aggregateIdentifier", "c-3").append("sequenceNumber", 10L)))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    /** Runs the check against a store on the test's file, then stops the store. */
    private void withStore(Check check) {
        withStore(new DurableH2Backend(folder.resolve("store.mv").toString()), check);
    }

    private static void withStore(DurableH2Backend backend, Check check) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            check.accept(client.getDatabase("ledgerboard").getCollection("events"));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) { // a checked one from the check, e.g. a writer's future
            throw new AssertionError(e);
        } finally {
            server.shutdownNow();
        }
    }

    /** What a test does with the store's collection. */
    private interface Check {
        void accept(MongoCollection<Document> collection) throws Exception;
    }
}

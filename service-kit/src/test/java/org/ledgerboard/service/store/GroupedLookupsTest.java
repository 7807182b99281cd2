package org.ledgerboard.service.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupedLookupsTest {
    private MemoryStore store;
    private MongoCollection<Document> collection;
    private GroupedLookups lookups;

    @BeforeEach
    void start() {
        store = new MemoryStore();
        collection = store.collection("answers");
        lookups = new GroupedLookups(collection);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void concurrentReadersEachGetTheirOwnDocumentOrNone() throws Exception {
        for (int n = 0; n < 500; n += 2) {
            collection.insertOne(new Document("_id", "key-" + n).append("n", n));
        }
        ExecutorService readers = Executors.newFixedThreadPool(16);
        List<Future<?>> done = new ArrayList<>();
        for (int r = 0; r < 16; r++) {
            int reader = r;
            done.add(readers.submit(() -> {
                for (int n = reader; n < 500; n += 16) {
                    Document found = lookups.byId("key-" + n);
                    if (n % 2 == 0) {
                        assertThat(found.getInteger("n")).isEqualTo(n);
                    } else {
                        assertThat(found).as("key-%d was never stored", n).isNull();
                    }
                }
            }));
        }
        for (Future<?> each : done) {
            each.get();
        }
        readers.shutdown();
    }

    @Test
    void aReadSeesWhatWasStoredBeforeItWasAsked() {
        assertThat(lookups.byId("key-1")).isNull();

        collection.insertOne(new Document("_id", "key-1").append("status", 201));

        assertThat(lookups.byId("key-1").getInteger("status")).isEqualTo(201);
    }

    @Test
    void aStoreThatCannotBeReachedFailsTheRead() {
        store.stopServer();

        assertThatThrownBy(() -> lookups.byId("key-1")).isInstanceOf(MongoException.class);
    }
}

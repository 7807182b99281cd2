package org.ledgerboard.service.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class GroupedInsertsTest {
    private MemoryStore store;
    private MongoCollection<Document> collection;
    private GroupedInserts inserts;

    @BeforeEach
    void start() {
        store = new MemoryStore();
        collection = store.collection("events");
        inserts = new GroupedInserts(collection);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void everyDocumentOfConcurrentWritersIsWrittenOnceAndInTheirOrder() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(16);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 16; w++) {
            int writer = w;
            done.add(writers.submit(() -> IntStream.range(0, 100).forEach(n -> inserts.insert(List.of(
                    document(writer + "-" + n + "-a", writer, 2 * n), document(writer + "-" + n + "-b", writer, 2 * n + 1))))));
        }
        for (Future<?> each : done) {
            each.get();
        }
        writers.shutdown();

        List<Document> stored = collection.find().into(new ArrayList<>());
        assertThat(stored).hasSize(16 * 200);
        for (int w = 0; w < 16; w++) {
            int writer = w;
            assertThat(stored.stream().filter(d -> d.getInteger("writer") == writer).map(d -> d.getInteger("n")))
                    .as("writer %d's documents in the order it wrote them", writer)
                    .containsExactlyElementsOf(IntStream.range(0, 200).boxed().toList());
        }
    }

    @Test
    void aCollisionFailsOnlyItsOwnWriterAndTheWritersAfterItAreStillWritten() {
        collection.insertOne(document("taken", 0, 0));

        List<RuntimeException> failures = inserts.writeTogether(List.of(
                List.of(document("a1", 1, 0), document("a2", 1, 1)),
                List.of(document("b1", 2, 0), document("taken", 2, 1), document("b3", 2, 2)),
                List.of(document("c1", 3, 0))));

        assertThat(failures.get(0)).isNull();
        assertThat(failures.get(2)).isNull();
        assertThat(failures.get(1)).isInstanceOfSatisfying(MongoBulkWriteException.class, e -> {
            assertThat(e.getWriteErrors()).singleElement().satisfies(error -> {
                assertThat(error.getIndex()).as("index within its own writer's documents").isEqualTo(1);
                assertThat(ErrorCategory.fromErrorCode(error.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY);
            });
        });
        Set<Object> ids = new HashSet<>();
        collection.find().forEach(d -> ids.add(d.get("_id")));
        assertThat(ids).contains("a1", "a2", "c1").doesNotContain("b3");
    }

    @Test
    void anUnreachableStoreFailsEveryWriterOfTheGroup() {
        store.stopServer();

        List<RuntimeException> failures = inserts.writeTogether(List.of(List.of(document("a", 1, 0)),
                List.of(document("b", 2, 0))));

        assertThat(failures).allSatisfy(failure -> assertThat(failure).isNotNull());
    }

    private static Document document(String id, int writer, int n) {
        return new Document("_id", id).append("writer", writer).append("n", n);
    }
}

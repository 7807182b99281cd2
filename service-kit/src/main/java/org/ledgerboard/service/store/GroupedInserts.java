package org.ledgerboard.service.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * The inserts concurrent threads make into one collection go to the store as one ordered {@code insertMany}
 * ({@link Groups}), so a hundred commands cost the store a few writes and commits instead of a hundred.
 * <p>
 * Each caller gets the outcome of its own documents, as if it had written them alone: when a document fails
 * (a duplicate key), the callers before it in the group are done, its caller gets the error, re-indexed to its own
 * documents, and the callers after it, whose documents an ordered insert did not write, are written again.
 */
public final class GroupedInserts {
    private final MongoCollection<Document> collection;
    private final Groups<Insert> groups = new Groups<>(this::write);

    public GroupedInserts(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** Inserts the documents, in order, and returns once they are written; throws what failed for them. */
    public void insert(List<Document> documents) {
        Insert mine = new Insert(documents);
        groups.join(mine);
        if (mine.failure() != null) {
            throw mine.failure();
        }
    }

    /** Writes the inserts as one group, as if their threads had queued together; the failure of each, or null. */
    List<RuntimeException> writeTogether(List<List<Document>> inserts) {
        List<Insert> group = inserts.stream().map(Insert::new).toList();
        groups.send(group);
        return group.stream().map(Insert::failure).toList();
    }

    private void write(List<Insert> group) {
        List<Insert> left = group;
        while (!left.isEmpty()) {
            List<Document> documents = new ArrayList<>();
            left.forEach(insert -> documents.addAll(insert.documents));
            try {
                collection.insertMany(documents, new InsertManyOptions().ordered(true));
                left.forEach(insert -> insert.finish(null));
                return;
            } catch (MongoBulkWriteException e) {
                left = afterFirstError(left, e);
            }
        }
    }

    /** Settles the inserts up to the first failed document's; returns those after it, which were not written. */
    private static List<Insert> afterFirstError(List<Insert> group, MongoBulkWriteException e) {
        BulkWriteError first = e.getWriteErrors().get(0);
        int start = 0;
        for (int i = 0; i < group.size(); i++) {
            Insert insert = group.get(i);
            int end = start + insert.documents.size();
            if (first.getIndex() < end) {
                BulkWriteError own = new BulkWriteError(first.getCode(), first.getMessage(), first.getDetails(),
                        first.getIndex() - start);
                insert.finish(new MongoBulkWriteException(BulkWriteResult.acknowledged(first.getIndex() - start, 0,
                        0, 0, List.of(), List.of()), List.of(own), null, e.getServerAddress(), e.getErrorLabels()));
                return group.subList(i + 1, group.size());
            }
            insert.finish(null);
            start = end;
        }
        group.forEach(insert -> insert.finish(e)); // an error beyond the documents sent: nothing can be told
        return List.of();
    }

    private static final class Insert extends Groups.Member {
        final List<Document> documents;

        Insert(List<Document> documents) {
            this.documents = documents;
        }
    }
}

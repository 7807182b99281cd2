package org.ledgerboard.service.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads by {@code _id} that concurrent threads make in one collection go to the store as one
 * {@code find({_id: {$in: [...]}})} ({@link Groups}). Every command looks up its request's earlier answer: one
 * find each was the larger part of team-service's time in the MongoDB driver under the write benchmark, most of
 * it the driver's own work per request. Each read is sent after its caller asked, so it sees what was stored
 * before.
 */
public final class GroupedLookups {
    private final MongoCollection<Document> collection;
    private final Groups<Lookup> groups = new Groups<>(this::find);

    public GroupedLookups(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** The document with this id, or null; throws what failed. */
    public Document byId(String id) {
        Lookup mine = new Lookup(id);
        groups.join(mine);
        if (mine.failure() != null) {
            throw mine.failure();
        }
        return mine.found;
    }

    private void find(List<Lookup> group) {
        List<String> ids = group.stream().map(lookup -> lookup.id).distinct().toList();
        Map<Object, Document> found = new HashMap<>();
        collection.find(Filters.in("_id", ids)).forEach(document -> found.put(document.get("_id"), document));
        for (Lookup lookup : group) {
            lookup.found = found.get(lookup.id);
            lookup.finish(null);
        }
    }

    private static final class Lookup extends Groups.Member {
        final String id;
        Document found; // published by finish()

        Lookup(String id) {
            this.id = id;
        }
    }
}

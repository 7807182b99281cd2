package org.ledgerboard.service.axon;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.ledgerboard.service.store.GroupedInserts;

import java.util.List;

/**
 * Axon's one document per event, with the events that concurrent commands record written to the store together
 * ({@link GroupedInserts}): each command still returns only once its own events are stored, and a command whose
 * events collide with stored ones (a stale aggregate) fails alone, as Axon expects.
 */
final class GroupedEventAppends extends DocumentPerEventStorageStrategy {
    private volatile GroupedInserts inserts;

    @Override
    public void appendEvents(MongoCollection<Document> events, List<? extends EventMessage<?>> messages,
                             Serializer serializer) {
        inserts(events).insert(createEventDocuments(messages, serializer).toList());
    }

    private GroupedInserts inserts(MongoCollection<Document> events) {
        GroupedInserts current = inserts;
        if (current == null) { // the template gives the same collection every time
            synchronized (this) {
                if (inserts == null) {
                    inserts = new GroupedInserts(events);
                }
                current = inserts;
            }
        }
        return current;
    }
}

package org.ledgerboard.service.axon;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.util.List;
import java.util.stream.Stream;

/**
 * Axon's MongoDB storage, told that there are no snapshots, and that an aggregate without a first event has no
 * events at all. Loading an aggregate asks for its events by a range of sequence numbers, which MongoDB answers from
 * Axon's (aggregate, sequence) index but the embedded store answers by reading every stored event: launching a
 * competition in a store of a million events took seconds. Asking for the first event by its exact key is an index
 * lookup on both.
 */
final class EventStorage extends MongoEventStorageEngine {
    private final MongoCollection<Document> events;

    private EventStorage(Builder builder, MongoCollection<Document> events) {
        super(builder);
        this.events = events;
    }

    /** Events in the template's collections, serialised by {@code serializer}. */
    static EventStorage in(MongoTemplate template, Serializer serializer) {
        return new EventStorage(MongoEventStorageEngine.builder()
                .mongoTemplate(template)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .storageStrategy(new GroupedEventAppends())
                // the embedded store answers each query by scanning the collection: fetch many events per query
                .batchSize(AxonRuntime.FETCH_BATCH), template.eventCollection());
    }

    /**
     * None, without asking the store: no service takes snapshots (its aggregates stay loaded in
     * {@link AggregateCache} instead), and the question was a store query more on every aggregate load, a third of
     * the store time of a ranking decision. Whoever configures a snapshotter removes this.
     */
    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                   int batchSize) {
        if (firstSequenceNumber == 0 && events.find(new Document("aggregateIdentifier", aggregateIdentifier)
                .append("sequenceNumber", 0L)).first() == null) {
            return List.of();
        }
        return super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
    }
}

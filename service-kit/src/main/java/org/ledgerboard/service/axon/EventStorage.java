package org.ledgerboard.service.axon;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.bson.Document;

import java.util.List;

/**
 * Axon's MongoDB storage, told that an aggregate without a first event has no events at all. Loading an aggregate
 * asks for its events by a range of sequence numbers, which MongoDB answers from Axon's (aggregate, sequence)
 * index but the embedded store answers by reading every stored event: launching a competition in a store of a
 * million events took seconds. Asking for the first event by its exact key is an index lookup on both.
 */
final class EventStorage extends MongoEventStorageEngine {
    private final MongoCollection<Document> events;

    EventStorage(Builder builder, MongoCollection<Document> events) {
        super(builder);
        this.events = events;
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

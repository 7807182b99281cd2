package org.ledgerboard.service.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ledgerboard.core.canonical.LedgerJson;
import org.ledgerboard.service.telemetry.LedgerTracing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Axon Framework 4 without Axon Server: events stored with Axon's MongoDB storage engine,
 * Jackson for every serializer (XStream cannot read records). The client request a command serves is copied
 * into the events it records ({@link OncePerRequest}). Started on Quarkus start-up, stopped first on
 * shutdown so that nothing is published after the ledger writer has sealed and closed.
 */
@ApplicationScoped
public class AxonRuntime {
    /** Events per store query. */
    public static final int FETCH_BATCH = 1_000;
    private final Configuration configuration;
    private final MongoEventStorageEngine storage;
    private final MongoTemplate template;

    AxonRuntime(MongoClient mongo, @ConfigProperty(name = "ledgerboard.mongo.database") String database,
                Instance<AxonModule> modules) {
        Serializer serializer = JacksonSerializer.builder().objectMapper(axonMapper()).build();
        this.template = DefaultMongoTemplate.builder().mongoDatabase(mongo, database).build();
        this.storage = EventStorage.in(template, serializer);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> storage)
                .configureCorrelationDataProviders(c -> List.of(new MessageOriginProvider(),
                        new SimpleCorrelationDataProvider(OncePerRequest.REQUEST, OncePerRequest.INPUT,
                                ActorMetaData.ACTOR, ActorMetaData.ISSUER),
                        new SimpleCorrelationDataProvider(LedgerTracing.KEYS.toArray(String[]::new))));
        modules.forEach(module -> module.configure(configurer));
        this.configuration = configurer.buildConfiguration();
    }

    /** Events are read back exactly as they were written: decimals as strings, instants as ISO-8601. */
    private static ObjectMapper axonMapper() {
        return LedgerJson.addModules(JsonMapper.builder()).build();
    }

    /** After the store was reconciled with the ledger: from now on commands are taken. */
    void start(@Observes @Priority(StartupOrder.AXON) StartupEvent startup) {
        configuration.start();
    }

    /** The event store's storage, for what must happen before Axon starts (restoring events from the ledger). */
    public MongoEventStorageEngine storage() {
        return storage;
    }

    /** The stored events' collection, for what the storage engine cannot ask. */
    public MongoCollection<Document> events() {
        return template.eventCollection();
    }

    /**
     * The last stored sequence number of every aggregate, in one pass over the event collection (asking the storage
     * engine aggregate by aggregate scans the whole collection each time on the embedded store).
     */
    public Map<String, Long> lastSequences() {
        Map<String, Long> last = new HashMap<>();
        for (Document stored : events().aggregate(List.of(Aggregates.group("$aggregateIdentifier",
                Accumulators.max("last", "$sequenceNumber"))))) {
            last.put(stored.getString("_id"), ((Number) stored.get("last")).longValue());
        }
        return last;
    }

    void stop(@Observes @Priority(1) ShutdownEvent shutdown) {
        configuration.shutdown();
    }

    public Configuration configuration() {
        return configuration;
    }

    @Produces
    @Singleton
    CommandGateway commandGateway() {
        return configuration.commandGateway();
    }

    @Produces
    @Singleton
    EventStore eventStore() {
        return configuration.eventStore();
    }
}

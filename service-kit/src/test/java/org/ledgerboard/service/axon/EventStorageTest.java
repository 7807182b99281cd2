package org.ledgerboard.service.axon;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerboard.service.store.MemoryStore;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** What loading an aggregate asks the store. */
class EventStorageTest {
    /** Each command sent to the store, as its name and the collection it names ("find domainevents"). */
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private MemoryStore store;
    private EventStorage storage;

    @BeforeEach
    void start() {
        store = new MemoryStore(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                asked.add(event.getCommandName() + " "
                        + event.getCommand().getString(event.getCommandName(), new BsonString("")).getValue());
            }
        });
        storage = EventStorage.in(DefaultMongoTemplate.builder().mongoDatabase(store.client(), MemoryStore.DATABASE)
                .build(), JacksonSerializer.defaultSerializer());
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void anAggregateIsLoadedFromItsEventsWithoutAskingForASnapshot() {
        storage.appendEvents(new GenericDomainEventMessage<>("Competition", "c1", 0, "launched"));
        asked.clear();

        assertThat(storage.readSnapshot("c1")).isEmpty();
        assertThat(storage.readEvents("c1").asStream()).hasSize(1);
        assertThat(asked).isNotEmpty().allMatch(command -> command.contains("domainevents"));
    }
}

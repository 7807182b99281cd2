package org.ledgerboard.service.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Folds kept in memory follow the store: built from it once, advanced event by event, rebuilt after a gap. */
class FoldsTest {
    private final List<DomainEventMessage<?>> store = new ArrayList<>();
    private final AtomicInteger storeReads = new AtomicInteger();
    private final Folds<List<String>> folds = new Folds<>(ArrayList::new,
            (state, event) -> state.add((String) event.getPayload()), id -> {
                storeReads.incrementAndGet();
                return DomainEventStream.of(store.stream().filter(e -> e.getAggregateIdentifier().equals(id)));
            });

    @Test
    void aNewAggregateIsFollowedFromItsFirstEventWithoutReadingTheStore() {
        follow(record("c", 0, "launched"));
        follow(record("c", 1, "selected"));

        assertThat(read("c")).containsExactly("launched", "selected");
        assertThat(storeReads).hasValue(0);
    }

    @Test
    void anAggregateStoredBeforeTheStartIsReadFromTheStoreOnceThenFollowed() {
        record("c", 0, "launched");
        record("c", 1, "selected");

        assertThat(read("c")).containsExactly("launched", "selected");
        follow(record("c", 2, "funded"));

        assertThat(read("c")).containsExactly("launched", "selected", "funded");
        assertThat(storeReads).hasValue(1);
    }

    @Test
    void anEventAlreadyInTheFoldIsNotFoldedTwice() {
        DomainEventMessage<?> launched = record("c", 0, "launched");
        read("c"); // built from the store while the event was being stored

        follow(launched);

        assertThat(read("c")).containsExactly("launched");
    }

    @Test
    void anEventThatDoesNotFollowTheFoldDropsItAndTheNextReadRebuildsIt() {
        follow(record("c", 0, "launched"));
        record("c", 1, "selected elsewhere"); // never followed here

        follow(record("c", 2, "funded"));

        assertThat(read("c")).containsExactly("launched", "selected elsewhere", "funded");
        assertThat(storeReads).hasValue(1);
    }

    @Test
    void anAggregateNobodyStoredReadsEmptyAndIsFollowedOnceItStarts() {
        assertThat(read("c")).isEmpty();

        follow(record("c", 0, "launched"));

        assertThat(read("c")).containsExactly("launched");
    }

    private DomainEventMessage<?> record(String aggregateId, long sequence, String payload) {
        DomainEventMessage<?> event = new GenericDomainEventMessage<>("Test", aggregateId, sequence, payload);
        store.add(event);
        return event;
    }

    private void follow(DomainEventMessage<?> event) {
        folds.follow(event);
    }

    private List<String> read(String aggregateId) {
        return folds.read(aggregateId, List::copyOf);
    }
}

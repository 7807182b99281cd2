package org.ledgerboard.service.axon;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;

import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a service reads, folded from its aggregates' stored events and kept in memory, so a read costs the same in a
 * competition of ten events or of a million (on the embedded store, reading an aggregate's events scans the whole
 * event collection). A fold is built from the store once (at its first read or event after a start) and then
 * advanced by {@link #follow} with each event as its command records it: called from a subscribing event handler,
 * in the command's unit of work, under the aggregate's lock, so in sequence order and before the command is
 * answered. An event that does not follow its fold (the fold was built while the event was being stored, or one was
 * missed) drops the fold, and the next use rebuilds it from the store. Reads and updates of one fold are serialised.
 * One instance writes an aggregate's events; issue 17 (several instances) will have folds follow the ledger instead.
 *
 * @param <S> the state folded, mutable, touched only under its fold's lock
 */
public final class Folds<S> {
    private final Supplier<S> empty;
    private final BiConsumer<S, DomainEventMessage<?>> step;
    private final Function<String, DomainEventStream> history;
    // Held softly, as the aggregates are (AggregateCache): a dropped fold is built again at its next use.
    private final Cache<String, Fold<S>> folds = Caffeine.newBuilder().maximumSize(AggregateCache.COMPETITIONS)
            .softValues().build();

    /** {@code history} reads an aggregate's stored events, resolved lazily (Axon is built with the handlers). */
    public Folds(Supplier<S> empty, BiConsumer<S, DomainEventMessage<?>> step, Function<String, DomainEventStream> history) {
        this.empty = empty;
        this.step = step;
        this.history = history;
    }

    /** Advances the aggregate's fold by an event just stored. */
    public void follow(DomainEventMessage<?> event) {
        String aggregateId = event.getAggregateIdentifier();
        // An aggregate's first event needs no store read: there is nothing before it.
        Fold<S> fold = folds.get(aggregateId, id -> event.getSequenceNumber() == 0 ? new Fold<>(empty.get()) : load(id));
        synchronized (fold) {
            if (event.getSequenceNumber() == fold.lastSequence + 1) {
                fold.apply(step, event);
            } else if (event.getSequenceNumber() > fold.lastSequence + 1) {
                folds.asMap().remove(aggregateId, fold);
            }
        }
    }

    /** A view of the aggregate's state as of every event stored and followed so far (an empty state if none). */
    public <T> T read(String aggregateId, Function<S, T> view) {
        Fold<S> fold = folds.get(aggregateId, this::load);
        synchronized (fold) {
            return view.apply(fold.state);
        }
    }

    private Fold<S> load(String aggregateId) {
        Fold<S> fold = new Fold<>(empty.get());
        DomainEventStream stream = history.apply(aggregateId);
        while (stream.hasNext()) {
            fold.apply(step, stream.next());
        }
        return fold;
    }

    /** A state and the sequence number of the last event folded into it; guarded by itself. */
    private static final class Fold<S> {
        final S state;
        long lastSequence = -1;

        Fold(S state) {
            this.state = state;
        }

        void apply(BiConsumer<S, DomainEventMessage<?>> step, DomainEventMessage<?> event) {
            step.accept(state, event);
            lastSequence = event.getSequenceNumber();
        }
    }
}

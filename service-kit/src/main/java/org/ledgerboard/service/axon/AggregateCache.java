package org.ledgerboard.service.axon;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Axon's aggregate cache on Caffeine: the most recently used aggregates stay loaded, so a command neither replays
 * its aggregate's history nor queries the store for it. Axon's {@code WeakReferenceCache} lost them at every
 * garbage collection, and on the embedded store reloading one scans the whole event collection. A copy that is
 * stale (another instance appended since) fails its append on the store's unique (aggregate, sequence) index, and
 * Axon evicts it when the unit of work rolls back.
 */
public final class AggregateCache implements Cache {
    /**
     * Competitions kept loaded per service: far more than run at once. A competition's aggregate grows with its
     * teams (about 1 KB each in team-service), so the heap, not this number, is the bound that matters: the
     * aggregates are held softly, and the collector drops the least recently used ones before the heap runs out
     * (the next command to such a competition loads it again).
     */
    public static final long COMPETITIONS = 1_000;

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;

    public AggregateCache(long maximumSize) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).softValues().build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.getIfPresent(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.get(key, k -> valueSupplier.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.asMap().computeIfPresent(key, (k, v) -> update.apply((V) v));
    }

    @Override
    public boolean remove(Object key) {
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    /** Entry listeners serve Axon's distributed caches; an aggregate cache needs none. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("the aggregate cache has no entry listeners");
    }
}

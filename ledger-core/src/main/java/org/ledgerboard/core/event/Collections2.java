package org.ledgerboard.core.event;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Immutable copies for event fields: events are facts and must not change after they are made. */
final class Collections2 {
    private Collections2() {
    }

    /** Sorted so that iteration order, and anything derived from it, never depends on how the map was built. */
    static <V> SortedMap<String, V> sortedCopy(Map<String, V> map) {
        return map == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }
}

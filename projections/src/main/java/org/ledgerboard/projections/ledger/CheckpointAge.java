package org.ledgerboard.projections.ledger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * How long the oldest folded record that no written checkpoint vouches for has waited: the gauge
 * {@code ledgerboard.projections.checkpoint.age}. Zero when every record folded is under a written checkpoint;
 * growing when checkpoints cannot be written (the store or the broker away, the lease held by nobody).
 */
final class CheckpointAge {
    /** Per competition, when its first record not yet in a signed checkpoint was folded (System.nanoTime()). */
    private final Map<String, Long> unsignedSince = new ConcurrentHashMap<>();
    /** Per competition whose checkpoint is being written, when its first record under it was folded. */
    private final Map<String, Long> writingSince = new ConcurrentHashMap<>();

    void folded(String competitionId) {
        unsignedSince.putIfAbsent(competitionId, System.nanoTime());
    }

    /** Its checkpoint was signed and handed to the writer: records folded from now on wait for the next one. */
    void signed(String competitionId) {
        Long since = unsignedSince.remove(competitionId);
        if (since != null) {
            writingSince.put(competitionId, since);
        }
    }

    void written(String competitionId) {
        writingSince.remove(competitionId);
    }

    /** The write failed: its records wait for the next checkpoint, as long as they have waited already. */
    void failed(String competitionId) {
        Long since = writingSince.remove(competitionId);
        if (since != null) {
            unsignedSince.merge(competitionId, since, Math::min);
        }
    }

    double seconds() {
        long now = System.nanoTime();
        return Stream.concat(unsignedSince.values().stream(), writingSince.values().stream())
                .mapToLong(since -> now - since).max().orElse(0) / 1e9;
    }
}

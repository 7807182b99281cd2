package org.ledgerboard.service.ledger;

import java.time.Duration;

/** The pause a background worker takes before it tries again: it never spins, and it stays interruptible. */
public final class Backoff {
    private static final int MOST_DOUBLINGS = 5;

    private Backoff() {
    }

    /** {@code first} doubled for each failure after the first, at most 32 times {@code first}. */
    public static Duration doubling(Duration first, int failures) {
        return first.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), MOST_DOUBLINGS));
    }

    public static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

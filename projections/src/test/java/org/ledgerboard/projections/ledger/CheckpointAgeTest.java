package org.ledgerboard.projections.ledger;

import org.junit.jupiter.api.Test;

import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The checkpoint age is the wait of the oldest folded record no written checkpoint vouches for. */
class CheckpointAgeTest {
    private final CheckpointAge age = new CheckpointAge();

    @Test
    void nothingFoldedWaitsForNothing() {
        assertThat(age.seconds()).isZero();
    }

    @Test
    void aRecordWaitsUntilTheCheckpointSignedAfterItIsWritten() {
        age.folded("c");
        pause();
        age.signed("c");
        assertThat(age.seconds()).isPositive();

        age.written("c");

        assertThat(age.seconds()).isZero();
    }

    @Test
    void aRecordFoldedWhileItsCheckpointIsWrittenWaitsForTheNext() {
        age.folded("c");
        age.signed("c");
        age.folded("c");
        age.written("c");

        assertThat(age.seconds()).isPositive();
    }

    @Test
    void aFailedWriteKeepsTheRecordsWaitingSinceTheyWereFolded() {
        age.folded("c");
        age.signed("c");
        pause();
        double before = age.seconds();
        age.folded("c"); // a later record: the earlier one is still the oldest after the failure

        age.failed("c");

        assertThat(age.seconds()).isGreaterThanOrEqualTo(before);
    }

    private static void pause() {
        LockSupport.parkNanos(2_000_000); // for a measurable age, not to wait for anything
    }
}

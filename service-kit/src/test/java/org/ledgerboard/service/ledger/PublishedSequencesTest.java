package org.ledgerboard.service.ledger;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A command waits for its own event on the ledger: woken once its aggregate's sequence has landed, not before. */
class PublishedSequencesTest {
    private final PublishedSequences onLedger = new PublishedSequences();

    @Test
    void aWaitingCommandIsAnsweredWhenItsEventLands() throws Exception {
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> await("sovereign-ai-2025", 3, 10_000));
        onLedger.landed("sovereign-ai-2025", 2);
        onLedger.landed("another-competition", 7);
        assertThat(waiting).isNotDone();

        onLedger.landed("sovereign-ai-2025", 3);

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aLaterEventLandedAnswersTheEarlierOnes() throws InterruptedException {
        onLedger.landed("sovereign-ai-2025", 5);

        assertThat(onLedger.await("sovereign-ai-2025", 4, Duration.ZERO)).isTrue();
    }

    @Test
    void anEventNotOnTheLedgerInTimeIsNotAnswered() throws InterruptedException {
        onLedger.landed("sovereign-ai-2025", 2);

        assertThat(onLedger.await("sovereign-ai-2025", 3, Duration.ofMillis(50))).isFalse();
    }

    @Test
    void theHighestSequenceStaysWhenAnEarlierOneIsReportedAgain() {
        onLedger.landed("sovereign-ai-2025", 5);
        onLedger.landed("sovereign-ai-2025", 4);

        assertThat(onLedger.snapshot()).isEqualTo(Map.of("sovereign-ai-2025", 5L));
    }

    @Test
    void anAggregateOnlyWaitedForIsNotReportedAsOnTheLedger() throws InterruptedException {
        onLedger.await("awaited-only", 0, Duration.ZERO);

        assertThat(onLedger.snapshot()).isEmpty();
    }

    private boolean await(String aggregateId, long sequence, long millis) {
        try {
            return onLedger.await(aggregateId, sequence, Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

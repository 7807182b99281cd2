package org.ledgerboard.service.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GroupsTest {
    private final CountDownLatch firstMayFinish = new CountDownLatch(1);
    private final List<List<Integer>> sent = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        firstMayFinish.countDown();
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }

    /** Records each group; the first waits until the test lets it finish, so that the others queue meanwhile. */
    private final Groups<Ask> groups = new Groups<>(group -> {
        sent.add(group.stream().map(ask -> ask.n).toList());
        if (sent.size() == 1) {
            awaitUninterruptibly(firstMayFinish);
        }
        group.forEach(ask -> ask.finish(null));
    });

    @Test
    void whatQueuesWhileAGroupIsSentGoesAsTheNextGroupAndEveryoneIsSettledOnce() {
        Ask first = join(new Ask(0));
        await().until(() -> sent.size() == 1);
        List<Ask> waiting = new ArrayList<>();
        for (int n = 1; n <= 16; n++) {
            waiting.add(join(new Ask(n)));
        }
        awaitParked(16);

        firstMayFinish.countDown();

        await().until(() -> first.done && waiting.stream().allMatch(ask -> ask.done));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).containsExactly(0);
        assertThat(sent.get(1)).containsExactlyInAnyOrderElementsOf(waiting.stream().map(ask -> ask.n).toList());
        assertThat(waiting).allSatisfy(ask -> assertThat(ask.failure()).isNull());
    }

    @Test
    void anInterruptedCallerStillWaitsForWhatTheStoreDidAndKeepsItsInterrupt() {
        join(new Ask(0));
        await().until(() -> sent.size() == 1);
        AtomicBoolean interruptKept = new AtomicBoolean();
        Ask interrupted = new Ask(1);
        Thread caller = start(() -> {
            groups.join(interrupted);
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        awaitParked(1);

        caller.interrupt();
        await().during(Duration.ofMillis(200)).until(() -> !interrupted.done); // still waiting for its group
        firstMayFinish.countDown();

        await().until(() -> !caller.isAlive());
        assertThat(interrupted.done).isTrue();
        assertThat(sent.get(1)).containsExactly(1);
        assertThat(interruptKept).isTrue();
    }

    @Test
    void aMemberTheRequestDidNotSettleFailsInsteadOfWaitingForEver() {
        Groups<Ask> forgetful = new Groups<>(group -> { });
        Ask ask = new Ask(0);

        forgetful.join(ask);

        assertThat(ask.failure()).isInstanceOf(IllegalStateException.class).hasMessageContaining("did not settle");
    }

    private Ask join(Ask ask) {
        start(() -> groups.join(ask));
        return ask;
    }

    private Thread start(Runnable caller) {
        Thread thread = new Thread(caller, "caller-" + threads.size());
        threads.add(thread);
        thread.start();
        return thread;
    }

    /** Waits until this many callers (besides the first, which is sending) wait for their turn. */
    private void awaitParked(int callers) {
        await().until(() -> threads.stream().skip(1).filter(t -> t.getState() == Thread.State.WAITING).count() == callers);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // the first sender is never interrupted in these tests; keep waiting
            }
        }
    }

    private static final class Ask extends Groups.Member {
        final int n;

        Ask(int n) {
            this.n = n;
        }
    }
}

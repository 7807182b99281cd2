package org.ledgerboard.service.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Group commit on the client side, for any request to the store: what concurrent threads ask meanwhile goes to the
 * store as one request. The first thread to find none under way sends everything queued so far, and those that
 * queued meanwhile wait for it; then one of those still waiting sends the next group. The driver does not offer
 * this: its batched operations batch one caller's documents only.
 */
final class Groups<M extends Groups.Member> {
    private final Consumer<List<M>> request;
    private final Object lock = new Object();
    private List<M> queued = new ArrayList<>(); // guarded by lock
    private boolean sending; // guarded by lock

    /** {@code request} sends a group and settles each member ({@link Member#finish}) with what the store did. */
    Groups(Consumer<List<M>> request) {
        this.request = request;
    }

    /** Returns once the member's group was sent and the member settled. */
    void join(M member) {
        List<M> group;
        synchronized (lock) {
            queued.add(member);
            while (sending && !member.done) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    // it stays queued and may still be sent: the caller cannot be told it was not
                    throw new IllegalStateException("interrupted while waiting for a grouped request", e);
                }
            }
            if (member.done) {
                return;
            }
            sending = true;
            group = queued;
            queued = new ArrayList<>();
        }
        try {
            send(group);
        } finally {
            synchronized (lock) {
                sending = false;
                lock.notifyAll();
            }
        }
    }

    /** Sends the group now; when the request fails, nobody can tell what the store did for its unsettled members. */
    void send(List<M> group) {
        try {
            request.accept(group);
        } catch (RuntimeException e) {
            group.stream().filter(each -> !each.done).forEach(each -> each.finish(e));
        }
    }

    /** One caller's part of a group: settled once, with its failure or none. */
    abstract static class Member {
        volatile boolean done; // read through the type variable M, which private would not allow
        private volatile RuntimeException failure;

        void finish(RuntimeException failure) {
            this.failure = failure;
            this.done = true;
        }

        /** What failed for this member, or null. */
        RuntimeException failure() {
            return failure;
        }
    }
}

package org.ledgerboard.service.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Group commit on the client side, for any request to the store: what concurrent threads ask meanwhile goes to the
 * store as one request. The first thread to find none under way sends everything queued so far, and those that
 * queued meanwhile wait for it; then the first of those still waiting sends the next group. The driver does not
 * offer this: its batched operations batch one caller's documents only.
 * <p>
 * A sender wakes only the threads it settled and the one it hands the next group to. A wait on a shared monitor
 * woke every waiting thread at each send, most of them to find that their turn had not come (team-service under
 * 64 connections: 15.4 context switches per command before, 13.9 after).
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

    /**
     * Returns once the member's group was sent and the member settled. An interrupt does not end the wait: the
     * member is queued and will be sent, and its caller must know what the store did; the interrupt is kept.
     */
    void join(M member) {
        member.waiter = Thread.currentThread();
        List<M> group = null;
        synchronized (lock) {
            queued.add(member);
            if (!sending) {
                sending = true;
                group = takeQueued();
            }
        }
        if (group == null) {
            group = awaitTurn(member);
        }
        if (group != null) {
            sendAndHandOver(group);
        }
    }

    /** Null once the member is settled, or the group handed to it to send. */
    @SuppressWarnings("unchecked") // handed is always a group of this instance's members
    private List<M> awaitTurn(M member) {
        boolean interrupted = false;
        while (!member.done && member.handed == null) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return member.done ? null : (List<M>) member.handed;
    }

    private void sendAndHandOver(List<M> group) {
        try {
            send(group);
        } finally {
            Thread self = Thread.currentThread();
            for (M each : group) {
                if (!each.done) { // a request that forgot one: its caller must not wait for ever, nor think it written
                    each.finish(new IllegalStateException("the store's answer did not settle this request"));
                }
                if (each.waiter != self) {
                    LockSupport.unpark(each.waiter);
                }
            }
            M next = null;
            synchronized (lock) {
                if (queued.isEmpty()) {
                    sending = false;
                } else {
                    next = queued.get(0);
                    next.handed = takeQueued();
                }
            }
            if (next != null) {
                LockSupport.unpark(next.waiter);
            }
        }
    }

    private List<M> takeQueued() {
        List<M> group = queued;
        queued = new ArrayList<>();
        return group;
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
        // these are read through the type variable M, which private would not allow
        volatile boolean done;
        volatile Thread waiter;
        volatile List<? extends Member> handed; // the next group, when this member's thread is to send it
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

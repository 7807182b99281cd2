package org.ledgerboard.service.axon;

import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.config.AggregateConfigurer;

/**
 * How a service keeps an aggregate per competition: cached ({@link AggregateCache}), so a command does not replay
 * the competition, its commands' targets found once per class ({@link CommandTargets}), and locked as Axon's default but checking for a deadlock once a second of waiting instead of
 * every 10 ms. Commands to one competition queue on its lock; with the default, every waiter woke every 10 ms, left
 * the lock's queue, scanned all locks for a deadlock and queued again — ~5 % of team-service's CPU under the write
 * benchmark, spent on nothing but waiting. A deadlock would still be found, within a second (a command here takes
 * one aggregate's lock, so none is expected); the total wait before giving up stays Axon's 60 s.
 */
public final class CompetitionAggregates {
    private static final int CHECK_EVERY_MS = 1_000;
    private static final int CHECKS = 60;

    private CompetitionAggregates() {
    }

    public static <A> AggregateConfigurer<A> configuration(Class<A> aggregate) {
        return AggregateConfigurer.defaultConfiguration(aggregate)
                .configureCache(c -> new AggregateCache(AggregateCache.COMPETITIONS))
                .configureCommandTargetResolver(c -> CommandTargets.RESOLVER)
                .configureLockFactory(c -> PessimisticLockFactory.builder().lockAttemptTimeout(CHECK_EVERY_MS)
                        .acquireAttempts(CHECKS).build());
    }
}

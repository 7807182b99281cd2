package org.ledgerboard.service.ledger;

import com.mongodb.MongoException;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.ledgerboard.service.ServiceConfig;

import java.time.Duration;
import java.util.Date;

/**
 * Which instance of a service publishes its source's chain: the holder of a lease in the service's store, renewed
 * every second and lost when not renewed for {@link #TERM}, so that another instance takes over within seconds of the
 * holder's death. The lease only elects; the fence is Kafka's: the publisher's transactional id is the source's, so
 * the producer of an instance that lost the lease (paused, then revived) is refused by the broker once the new holder
 * has started, and its records of an open transaction are aborted, never read. Two instances that both believed they
 * held it (clocks apart) would fence each other in turn: slower, never forked.
 */
@ApplicationScoped
public class PublisherLease {
    static final Duration TERM = Duration.ofSeconds(5);
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> leases;
    private final String source;
    private final String instance;
    private volatile long heldUntil; // epoch ms; in the past when not held

    PublisherLease(MongoClient mongo, ServiceConfig config) {
        this.leases = mongo.getDatabase(config.mongo().database()).getCollection("publisher_lease");
        this.source = config.source();
        this.instance = config.instance();
    }

    /** Takes or renews the lease if nobody else holds a live one; true if this instance holds it now. */
    public boolean renew() {
        long now = System.currentTimeMillis();
        try {
            leases.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", source),
                            Filters.or(Filters.eq("holder", instance), Filters.lt("until", new Date(now)))),
                    Updates.combine(Updates.set("holder", instance), Updates.set("until", new Date(now + TERM.toMillis()))),
                    new FindOneAndUpdateOptions().upsert(true));
            heldUntil = now + TERM.toMillis();
        } catch (MongoException e) {
            if (e instanceof MongoServerException refused && refused.getCode() == DUPLICATE_KEY) {
                heldUntil = 0; // the upsert met the live lease of another instance
            } else if (System.currentTimeMillis() >= heldUntil) {
                heldUntil = 0; // the store is away: held only as long as the last renewal lasts
            }
        }
        return held();
    }

    /** True while this instance's lease lasts; a second short of its term, so it stops before another may start. */
    public boolean held() {
        return System.currentTimeMillis() < heldUntil - 1_000;
    }

    /** Gives the lease up (at shutdown), so another instance need not wait for it to lapse. */
    public void release() {
        if (heldUntil > 0) {
            heldUntil = 0;
            try {
                leases.deleteOne(Filters.and(Filters.eq("_id", source), Filters.eq("holder", instance)));
            } catch (MongoException e) {
                // it lapses within its term anyway
            }
        }
    }

    public String instance() {
        return instance;
    }
}

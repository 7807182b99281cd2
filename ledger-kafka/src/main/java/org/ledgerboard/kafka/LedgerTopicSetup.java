package org.ledgerboard.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/** Creates the ledger's topics where they are missing, keeping every record forever. */
public final class LedgerTopicSetup {
    private LedgerTopicSetup() {
    }

    /**
     * Creates whichever ledger topics do not exist yet; existing ones are left as they are. Replicated three times
     * or more, a write must reach two replicas before it is acknowledged ({@link #minInSync}).
     */
    public static void ensure(Admin admin, int partitions, short replicationFactor) {
        Map<String, String> settings = new HashMap<>(LedgerTopics.KEEP_FOREVER);
        settings.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInSync(replicationFactor)));
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = LedgerTopics.ALL.stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, partitions, replicationFactor).configs(settings))
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the ledger topics: " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the ledger topics", e);
        }
    }

    /**
     * How many replicas must hold a write before it is acknowledged (acks=all): two of three, so that one broker
     * may be lost without losing an acknowledged record nor stopping writes; one with fewer than three (two of two
     * would stop writes whenever either broker is down).
     */
    public static int minInSync(short replicationFactor) {
        return replicationFactor >= 3 ? 2 : 1;
    }
}

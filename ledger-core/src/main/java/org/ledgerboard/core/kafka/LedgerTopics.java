package org.ledgerboard.core.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * The ledger's topics, created explicitly and never by auto-creation: Kafka's default retention is 7 days and a
 * ledger must never expire, so both keep every record forever.
 */
public final class LedgerTopics {
    public static final String EVENTS = "ledger.events";
    public static final String CHECKPOINTS = "ledger.checkpoints";

    private static final Map<String, String> KEEP_FOREVER = Map.of(
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1",
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);

    private LedgerTopics() {
    }

    /** Creates whichever ledger topics do not exist yet; existing ones are left as they are. */
    public static void ensure(Admin admin, int partitions, short replicationFactor) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = List.of(EVENTS, CHECKPOINTS).stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, partitions, replicationFactor).configs(KEEP_FOREVER))
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
}

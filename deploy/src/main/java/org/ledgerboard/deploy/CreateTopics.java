package org.ledgerboard.deploy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.ledgerboard.kafka.LedgerTopicSetup;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

/**
 * Creates the ledger topics on a running cluster if they are missing (PARTITIONS, 3 by default; REPLICATION copies,
 * 1 by default) and has its transaction log made, then prints the topics that exist.
 */
public final class CreateTopics {
    private CreateTopics() {
    }

    /**
     * The services publish in transactions; a cluster makes its transaction log at the first producer's request,
     * which takes longer than a service's start waits. Asking here has it made while the services boot.
     */
    private static void startTransactionLog(String bootstrap) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "ledgerboard-setup",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
        }
    }

    public static void main(String[] args) throws ExecutionException, InterruptedException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: CreateTopics BOOTSTRAP [PARTITIONS [REPLICATION]]");
            System.exit(2);
        }
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        short replication = args.length > 2 ? Short.parseShort(args[2]) : 1;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
            LedgerTopicSetup.ensure(admin, partitions, replication);
            startTransactionLog(args[0]);
            Set<String> names = new TreeSet<>(admin.listTopics().names().get());
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
            List<ConfigResource> resources = names.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
            for (ConfigResource resource : resources) {
                TopicDescription topic = topics.get(resource.name());
                System.out.printf("topic %s: %d partitions, replication %d, min.insync.replicas=%s, retention.ms=%s%n",
                        resource.name(), topic.partitions().size(), topic.partitions().get(0).replicas().size(),
                        configs.get(resource).get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value(),
                        configs.get(resource).get(TopicConfig.RETENTION_MS_CONFIG).value());
            }
        }
    }
}

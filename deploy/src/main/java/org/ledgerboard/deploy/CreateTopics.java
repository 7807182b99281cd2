package org.ledgerboard.deploy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.ledgerboard.kafka.LedgerTopicSetup;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

/** Creates the ledger topics on a running broker if they are missing, then prints the topics that exist. */
public final class CreateTopics {
    private CreateTopics() {
    }

    public static void main(String[] args) throws ExecutionException, InterruptedException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: CreateTopics BOOTSTRAP [PARTITIONS]");
            System.exit(2);
        }
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
            LedgerTopicSetup.ensure(admin, partitions, (short) 1);
            Set<String> names = new TreeSet<>(admin.listTopics().names().get());
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
            List<ConfigResource> resources = names.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
            for (ConfigResource resource : resources) {
                System.out.printf("topic %s: %d partitions, retention.ms=%s%n", resource.name(),
                        topics.get(resource.name()).partitions().size(),
                        configs.get(resource).get(TopicConfig.RETENTION_MS_CONFIG).value());
            }
        }
    }
}

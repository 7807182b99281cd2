package org.ledgerboard.testkit;

import java.util.HashMap;
import java.util.Map;

/** Where the test broker and store listen: a Kafka bootstrap address and a MongoDB connection string. */
public record InfraEndpoints(String kafkaBootstrap, String mongoConnectionString) {

    /** The same endpoints as configuration properties, under the names Ledgerboard services read, with the test issuer. */
    public Map<String, String> asConfig() {
        Map<String, String> config = new HashMap<>(TestIssuer.shared().config());
        config.putAll(Map.of(
                "kafka.bootstrap.servers", kafkaBootstrap,
                "ledgerboard.kafka.bootstrap-servers", kafkaBootstrap,
                "quarkus.mongodb.connection-string", mongoConnectionString));
        return config;
    }
}

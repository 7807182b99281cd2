package org.ledgerboard.testkit;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real Kafka broker (KRaft, combined broker and controller, in this JVM, via Kafka's own test kit) and
 * mongo-java-server speaking the MongoDB wire protocol, both on free ports of 127.0.0.1.
 */
final class EmbeddedInfra implements AutoCloseable {
    private final KafkaClusterTestKit kafka;
    private final MongoServer mongo;
    private final InfraEndpoints endpoints;

    private EmbeddedInfra(KafkaClusterTestKit kafka, MongoServer mongo, InfraEndpoints endpoints) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.endpoints = endpoints;
    }

    static EmbeddedInfra start() throws Exception {
        // Our own data directory: with the default one, Kafka registers a shutdown hook that deletes it while
        // the broker is still writing its checkpoints at JVM exit, and the broker halts the JVM with an error.
        Path dataDirectory = Files.createTempDirectory("ledgerboard-kafka-");
        KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setBaseDirectory(dataDirectory)
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();

        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        String connection = "mongodb://" + address.getHostString() + ":" + address.getPort();
        return new EmbeddedInfra(kafka, mongo, new InfraEndpoints(kafka.bootstrapServers(), connection));
    }

    InfraEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public void close() throws Exception {
        mongo.shutdownNow();
        kafka.close();
    }
}

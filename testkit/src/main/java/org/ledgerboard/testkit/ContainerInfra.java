package org.ledgerboard.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** The real {@code apache/kafka} and {@code mongo} images through Testcontainers, where a Docker engine exists. */
final class ContainerInfra implements AutoCloseable {
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String MONGO_IMAGE = "mongo:8.0";

    private final KafkaContainer kafka;
    private final MongoDBContainer mongo;

    private ContainerInfra(KafkaContainer kafka, MongoDBContainer mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static ContainerInfra start() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE).withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        kafka.start();
        mongo.start();
        return new ContainerInfra(kafka, mongo);
    }

    InfraEndpoints endpoints() {
        return new InfraEndpoints(kafka.getBootstrapServers(), mongo.getReplicaSetUrl("ledgerboard"));
    }

    @Override
    public void close() {
        mongo.stop();
        kafka.stop();
    }
}

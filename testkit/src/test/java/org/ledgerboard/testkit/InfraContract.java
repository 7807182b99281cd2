package org.ledgerboard.testkit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.ledgerboard.kafka.LedgerTopics;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the test infrastructure must give every module, whichever kind runs it. */
abstract class InfraContract {
    private static final int RECORDS = 10_000;

    abstract InfraEndpoints endpoints();

    @Test
    void tenThousandRecordsComeBackInTheOrderTheyWereProduced() throws Exception {
        String topic = "smoke-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints().kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints().kafkaBootstrap(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(topic, "sovereign-ai-2025", Integer.toString(i)));
            }
            producer.flush();
        }

        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "smoke-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.size() < RECORDS && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.value());
                }
            }
        }

        assertThat(received).hasSize(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            assertThat(received.get(i)).isEqualTo(Integer.toString(i));
        }
    }

    @Test
    void theLedgerTopicsExistAndKeepRecordsForever() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints().kafkaBootstrap()))) {
            assertThat(admin.listTopics().names().get()).contains(LedgerTopics.EVENTS, LedgerTopics.CHECKPOINTS);
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, LedgerTopics.EVENTS);
            var config = admin.describeConfigs(Set.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
            assertThat(config.get(TopicConfig.RETENTION_BYTES_CONFIG).value()).isEqualTo("-1");
        }
    }

    @Test
    void aDocumentWrittenWithTheMongoDriverIsReadBack() {
        try (MongoClient client = MongoClients.create(endpoints().mongoConnectionString())) {
            MongoCollection<Document> teams = client.getDatabase("smoke").getCollection("teams-" + UUID.randomUUID());
            teams.insertOne(new Document("_id", "lg-ai-research")
                    .append("name", "엘지에이아이연구원")
                    .append("granted", new Decimal128(new BigDecimal("12345678901234.50"))));

            Document read = teams.find(new Document("_id", "lg-ai-research")).first();

            assertThat(read).isNotNull();
            assertThat(read.getString("name")).isEqualTo("엘지에이아이연구원");
            assertThat(read.get("granted", Decimal128.class).bigDecimalValue()).isEqualByComparingTo("12345678901234.50");
        }
    }
}

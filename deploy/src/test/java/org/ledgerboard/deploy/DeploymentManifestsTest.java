package org.ledgerboard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.ledgerboard.kafka.LedgerTopics;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of deploy/kubernetes/, deploy/compose.yaml and the services' Dockerfile.jvm without a cluster
 * or a Docker engine: they parse, name the kinds and API versions their operators serve, run the images built
 * here on the ports the services listen on, probe the services' health, and set only environment variables a
 * service reads (a misspelt one would be ignored in silence).
 */
class DeploymentManifestsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    private static final List<String> SERVICES = List.of("team-service", "evaluation-service", "ranking-service", "projections");
    private static final Map<String, Set<String>> API_VERSIONS = Map.of(
            "v1", Set.of("Namespace", "ConfigMap", "Service"),
            "apps/v1", Set.of("Deployment", "StatefulSet"),
            "batch/v1", Set.of("Job"),
            "kafka.strimzi.io/v1beta2", Set.of("Kafka", "KafkaNodePool", "KafkaTopic"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theKustomizationListsEveryManifest() throws IOException {
        JsonNode kustomization = documents(KUBERNETES.resolve("kustomization.yaml")).get(0);
        List<String> listed = new ArrayList<>();
        kustomization.get("resources").forEach(r -> listed.add(r.asText()));
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            assertThat(listed).containsExactlyInAnyOrderElementsOf(files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).toList());
        }
    }

    @Test
    void everyResourceHasAKindItsApiVersionServes() throws IOException {
        assertThat(resources()).isNotEmpty().allSatisfy(r -> assertThat(API_VERSIONS.get(r.path("apiVersion").asText()))
                .as("%s %s", r.path("apiVersion").asText(), r.path("kind").asText()).contains(r.path("kind").asText()));
    }

    @Test
    void kafkaIsThreeKraftNodesHoldingTheLedgerTopicsReplicatedThreeTimesForever() throws IOException {
        JsonNode kafka = only("Kafka");
        assertThat(kafka.at("/metadata/annotations/strimzi.io~1kraft").asText()).isEqualTo("enabled");
        assertThat(kafka.at("/metadata/annotations/strimzi.io~1node-pools").asText()).isEqualTo("enabled");
        assertThat(kafka.at("/spec/kafka/config/min.insync.replicas").asInt()).isEqualTo(2);
        JsonNode pool = only("KafkaNodePool");
        assertThat(pool.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(texts(pool.at("/spec/roles"))).containsExactlyInAnyOrder("controller", "broker");
        assertThat(pool.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(kafka.at("/metadata/name").asText());

        List<JsonNode> topics = all("KafkaTopic");
        assertThat(topics).extracting(t -> t.at("/spec/topicName").asText()).containsExactlyInAnyOrderElementsOf(LedgerTopics.ALL);
        assertThat(topics).allSatisfy(t -> {
            assertThat(t.at("/spec/replicas").asInt()).isEqualTo(3);
            assertThat(t.at("/spec/config/min.insync.replicas").asInt()).isEqualTo(2);
            assertThat(t.at("/spec/config/retention.ms").asLong()).isEqualTo(-1);
            assertThat(t.at("/spec/config/retention.bytes").asLong()).isEqualTo(-1);
        });
    }

    @Test
    void mongoIsAThreeMemberReplicaSet() throws IOException {
        JsonNode mongo = named("StatefulSet", "mongo");
        assertThat(mongo.at("/spec/replicas").asInt()).isEqualTo(3);
        JsonNode container = mongo.at("/spec/template/spec/containers/0");
        assertThat(container.path("image").asText()).startsWith("mongo:");
        assertThat(texts(container.path("args"))).contains("--replSet");
        assertThat(named("Job", "mongo-replica-set").toString()).contains("mongo-0.mongo:27017", "mongo-1.mongo:27017",
                "mongo-2.mongo:27017");
    }

    @Test
    void eachServiceRunsTwiceOnItsPortWithItsHealthProbesAndKeys() throws IOException {
        for (String service : SERVICES) {
            JsonNode deployment = named("Deployment", service);
            int port = port(service);
            assertThat(deployment.at("/spec/replicas").asInt()).as(service).isEqualTo(2);
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertThat(container.path("image").asText()).isEqualTo("ledgerboard/" + service + ":0.1.0");
            assertThat(container.at("/ports/0/containerPort").asInt()).as(service).isEqualTo(port);
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
            assertThat(deployment.at("/spec/template/spec/volumes").findValuesAsText("secretName"))
                    .contains("ledgerboard-signing-keys");
            assertThat(deployment.at("/spec/template/spec/volumes").toString()).contains(service + ".pem");
            JsonNode exposed = named("Service", service);
            assertThat(exposed.at("/spec/ports/0/port").asInt()).isEqualTo(port);
            assertThat(exposed.at("/spec/selector")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
        }
    }

    @Test
    void theManifestsSetOnlyVariablesTheServicesRead() throws IOException {
        Set<String> read = variablesTheServicesRead();
        Set<String> set = new TreeSet<>();
        all("ConfigMap").stream().filter(c -> c.at("/metadata/name").asText().equals("ledgerboard-config"))
                .forEach(c -> c.path("data").fieldNames().forEachRemaining(set::add));
        all("Deployment").forEach(d -> d.at("/spec/template/spec/containers/0/env").forEach(v -> set.add(v.path("name").asText())));
        compose().path("services").forEach(s -> s.path("environment").fieldNames().forEachRemaining(name -> {
            if (name.startsWith("LEDGERBOARD_")) {
                set.add(name);
            }
        }));
        assertThat(set).contains("LEDGERBOARD_KAFKA", "LEDGERBOARD_MONGO", "LEDGERBOARD_INSTANCE").isSubsetOf(read);
    }

    @Test
    void composeRunsTheOfficialImagesAndBuildsEachServiceFromItsDockerfile() throws IOException {
        JsonNode services = compose().path("services");
        assertThat(services.at("/kafka/image").asText()).startsWith("apache/kafka:");
        assertThat(services.at("/mongo/image").asText()).startsWith("mongo:");
        assertThat(texts(services.at("/mongo/command"))).contains("--replSet");
        for (String service : SERVICES) {
            JsonNode s = services.path(service);
            Path dockerfile = ROOT.resolve("deploy").resolve(s.at("/build/context").asText())
                    .resolve(s.at("/build/dockerfile").asText()).normalize();
            assertThat(dockerfile).isEqualTo(ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm")).exists();
            assertThat(Files.readString(dockerfile)).contains("EXPOSE " + port(service));
            assertThat(texts(s.path("ports"))).as("published on the host's loopback only").singleElement()
                    .satisfies(p -> assertThat(p).startsWith("127.0.0.1:").endsWith(":" + port(service)));
            assertThat(s.at("/environment/LEDGERBOARD_INSTANCE").asText()).isEqualTo(service + "-1");
        }
    }

    @Test
    void composeProvisionsTheGrafanaDashboardOverAPrometheusScrapingEveryService() throws IOException {
        JsonNode services = compose().path("services");
        List<String> mounts = texts(services.at("/grafana/volumes"));
        assertThat(mounts).contains("./grafana/provisioning:/etc/grafana/provisioning:ro")
                .anySatisfy(m -> assertThat(m).startsWith("./grafana/ledgerboard.json:/var/lib/grafana/dashboards/"));
        JsonNode source = documents(ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yaml")).get(0)
                .at("/datasources/0");
        assertThat(source.path("url").asText()).isEqualTo("http://prometheus:9090");
        JsonNode provider = documents(ROOT.resolve("deploy/grafana/provisioning/dashboards/ledgerboard.yaml")).get(0);
        assertThat(provider.at("/providers/0/options/path").asText()).isEqualTo("/var/lib/grafana/dashboards");

        JsonNode dashboard = JSON.readTree(ROOT.resolve("deploy/grafana/ledgerboard.json").toFile());
        List<JsonNode> targets = dashboard.path("panels").findValues("targets");
        assertThat(targets).isNotEmpty();
        assertThat(dashboard.path("panels").findValues("datasource")).allSatisfy(d ->
                assertThat(d.path("uid").asText()).isEqualTo(source.path("uid").asText()));

        assertThat(texts(services.at("/prometheus/volumes"))).contains("./prometheus.yml:/etc/prometheus/prometheus.yml:ro");
        JsonNode scrapes = documents(ROOT.resolve("deploy/prometheus.yml")).get(0).path("scrape_configs");
        for (String service : SERVICES) {
            assertThat(scrapes.findParents("job_name")).anySatisfy(job -> {
                assertThat(job.path("job_name").asText()).isEqualTo(service);
                assertThat(job.path("metrics_path").asText()).isEqualTo("/q/metrics");
                assertThat(job.at("/static_configs/0/targets/0").asText()).isEqualTo(service + ":" + port(service));
            });
        }
    }

    /** The LEDGERBOARD_* variables the services' configuration refers to, as ${NAME} or ${NAME:default}. */
    private static Set<String> variablesTheServicesRead() throws IOException {
        Set<String> names = new TreeSet<>();
        List<Path> files = new ArrayList<>(SERVICES.stream()
                .map(s -> ROOT.resolve(s).resolve("src/main/resources/application.properties")).toList());
        files.add(ROOT.resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties"));
        for (Path file : files) {
            Matcher variable = Pattern.compile("\\$\\{(LEDGERBOARD_[A-Z_]+)").matcher(Files.readString(file));
            while (variable.find()) {
                names.add(variable.group(1));
            }
        }
        return names;
    }

    /** The service's own port: the default of quarkus.http.port in its application.properties. */
    private static int port(String service) throws IOException {
        Matcher port = Pattern.compile("quarkus\\.http\\.port=\\$\\{LEDGERBOARD_[A-Z]+_PORT:(\\d+)}")
                .matcher(Files.readString(ROOT.resolve(service).resolve("src/main/resources/application.properties")));
        assertThat(port.find()).as("the port of " + service).isTrue();
        return Integer.parseInt(port.group(1));
    }

    private static JsonNode compose() throws IOException {
        return documents(ROOT.resolve("deploy/compose.yaml")).get(0);
    }

    /**
     * The file's YAML documents, read by SnakeYAML (the parser under Jackson's YAML module) because it resolves
     * compose's anchors and merge keys ({@code <<: *service}) as Docker Compose does.
     */
    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        new Yaml().loadAll(Files.readString(file)).forEach(d -> documents.add(JSON.valueToTree(d)));
        return documents;
    }

    /** Every document of every manifest but the kustomization. */
    private static List<JsonNode> resources() throws IOException {
        List<JsonNode> resources = new ArrayList<>();
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            for (Path file : files.filter(f -> !f.endsWith("kustomization.yaml")).sorted().toList()) {
                resources.addAll(documents(file));
            }
        }
        return resources;
    }

    private static List<JsonNode> all(String kind) throws IOException {
        return resources().stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
    }

    private static JsonNode only(String kind) throws IOException {
        assertThat(all(kind)).as(kind).hasSize(1);
        return all(kind).get(0);
    }

    private static JsonNode named(String kind, String name) throws IOException {
        return all(kind).stream().filter(r -> r.at("/metadata/name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}

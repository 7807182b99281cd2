package org.ledgerboard.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.ledgerboard.kafka.LedgerTopicSetup;

import java.util.Map;

/**
 * The broker and store every test of a JVM shares: started on first use, with the ledger topics created, and
 * stopped when the JVM exits. {@code -Dledgerboard.test.infra=embedded|containers|auto} chooses the kind; the
 * default {@code auto} takes the Testcontainers images where Docker answers and the embedded pair otherwise.
 */
public final class LedgerInfra {
    public static final String KIND_PROPERTY = "ledgerboard.test.infra";

    private static InfraEndpoints embedded;
    private static InfraEndpoints containers;

    private LedgerInfra() {
    }

    /** The infrastructure the {@value #KIND_PROPERTY} property selects. */
    public static InfraEndpoints start() {
        String kind = System.getProperty(KIND_PROPERTY, "auto");
        return switch (kind) {
            case "embedded" -> embedded();
            case "containers" -> containers();
            case "auto" -> ContainerInfra.dockerAvailable() ? containers() : embedded();
            default -> throw new IllegalArgumentException(KIND_PROPERTY + " must be embedded, containers or auto: " + kind);
        };
    }

    public static synchronized InfraEndpoints embedded() {
        if (embedded == null) {
            embedded = started(() -> EmbeddedInfra.start(), EmbeddedInfra::endpoints);
        }
        return embedded;
    }

    public static synchronized InfraEndpoints containers() {
        if (containers == null) {
            containers = started(ContainerInfra::start, ContainerInfra::endpoints);
        }
        return containers;
    }

    private interface Starter<T> {
        T start() throws Exception;
    }

    private static <T extends AutoCloseable> InfraEndpoints started(Starter<T> starter,
                                                                   java.util.function.Function<T, InfraEndpoints> endpoints) {
        try {
            T infra = starter.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    infra.close();
                } catch (Exception e) {
                    System.err.println("ledgerboard testkit: could not stop test infrastructure: " + e);
                }
            }, "ledgerboard-testkit-stop"));
            InfraEndpoints started = endpoints.apply(infra);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, started.kafkaBootstrap()))) {
                LedgerTopicSetup.ensure(admin, 3, (short) 1);
            }
            return started;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test broker and store: " + e.getMessage(), e);
        }
    }
}

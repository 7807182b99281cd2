package org.ledgerboard.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A service's settings under {@code ledgerboard.*}: its ledger identity and key, broker, seals, store, retries. */
@ConfigMapping(prefix = "ledgerboard")
public interface ServiceConfig {

    /** The CloudEvents source of everything this service publishes, e.g. {@code /team-service}. */
    String source();

    /** PKCS#8 PEM file of the service's Ed25519 key; generated at first start and kept. */
    Path keyFile();

    /**
     * Whether the service publishes events to {@code ledger.events}. One that does not (projections: they publish
     * checkpoints only) has no source chains to rebuild from the ledger at start, and is refused any publication.
     */
    @WithDefault("true")
    boolean publishes();

    /** The keys whose seals the service accepts, as a JWK Set file the auditor also reads (projections use it). */
    Optional<Path> trustedKeys();

    /**
     * This instance's name among the service's instances (LEDGERBOARD_INSTANCE; SERVICE-1 by default): the holder
     * of the publisher lease when it publishes, its static member id in the ledger consumer group.
     */
    String instance();

    /**
     * Base URL of an OpenTelemetry collector's OTLP/HTTP receiver (LEDGERBOARD_OTLP_ENDPOINT), e.g.
     * {@code http://collector:4318}; spans are exported there, and nowhere when it is not set.
     */
    Optional<URI> otlpEndpoint();

    /** The type of the service's aggregates in its event store, for events restored from the ledger. */
    Optional<String> aggregateType();

    Kafka kafka();

    Seal seal();

    Mongo mongo();

    Reactions reactions();

    interface Reactions {
        /** Tries of a reaction to one record before it is quarantined; the pause doubles after each. */
        @WithDefault("5")
        int maxTries();

        @WithDefault("1s")
        Duration firstPause();

        /**
         * How long a request waits for this instance to read what was on the ledger when it came (a record written a
         * moment ago), before it asks the service that wrote it or refuses.
         */
        @WithDefault("1s")
        Duration readWait();
    }

    interface Kafka {
        String bootstrapServers();

        /** Partitions and replication of the ledger topics when this service has to create them. */
        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }

    interface Seal {
        @WithDefault("1s")
        Duration interval();

        @WithDefault("1000")
        int maxEvents();
    }

    interface Mongo {
        /** The service's own database: its event store, tokens, views and idempotency records. */
        String database();
    }
}

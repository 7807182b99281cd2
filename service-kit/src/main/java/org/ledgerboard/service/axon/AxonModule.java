package org.ledgerboard.service.axon;

import org.axonframework.config.Configurer;

/** What a service adds to the shared Axon configuration: its aggregates, handlers and processors. */
public interface AxonModule {
    void configure(Configurer configurer);
}

package org.ledgerboard.service.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.ledgerboard.service.axon.AxonModule;
import org.ledgerboard.service.axon.AxonRuntime;

import java.util.concurrent.TimeUnit;

/**
 * Registers the publisher as one tracking processor with one segment (one thread, store order). Errors propagate,
 * so a failed publish is retried from the last token instead of being logged and skipped.
 */
@ApplicationScoped
class LedgerPublishing implements AxonModule {
    private final LedgerPublisher publisher;

    LedgerPublishing(LedgerPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(LedgerPublisher.PROCESSING_GROUP,
                        c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialSegmentsCount(1)
                                .andBatchSize(AxonRuntime.FETCH_BATCH)
                                // a restarted service takes over a killed one's claim as soon as it expires
                                .andTokenClaimInterval(500, TimeUnit.MILLISECONDS))
                .registerListenerInvocationErrorHandler(LedgerPublisher.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerEventHandler(c -> publisher));
    }
}

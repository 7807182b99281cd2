package org.ledgerboard.service.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.ledgerboard.service.axon.AxonRuntime;

/**
 * Ready means able: the store holds what the ledger holds of this service, the source chains are rebuilt, and
 * this instance's publisher holds its claim, so an accepted command reaches the ledger. A service restarted
 * after a crash stays DOWN until the dead process's claim is taken over.
 */
@Readiness
@ApplicationScoped
class PublishingReadiness implements HealthCheck {
    private final StoreReconciliation reconciliation;
    private final LedgerWriter writer;
    private final AxonRuntime axon;

    PublishingReadiness(StoreReconciliation reconciliation, LedgerWriter writer, AxonRuntime axon) {
        this.reconciliation = reconciliation;
        this.writer = writer;
        this.axon = axon;
    }

    @Override
    public HealthCheckResponse call() {
        boolean publishing = axon.configuration().eventProcessingConfiguration()
                .eventProcessor(LedgerPublisher.PROCESSING_GROUP, TrackingEventProcessor.class)
                .map(p -> p.isRunning() && !p.isError() && !p.processingStatus().isEmpty())
                .orElse(false);
        return HealthCheckResponse.named("ledger publishing")
                .status(reconciliation.done() && writer.ready() && publishing)
                .withData("storeFollowsLedger", reconciliation.done())
                .withData("chainsRebuilt", writer.ready())
                .withData("publisherClaimed", publishing)
                .build();
    }
}

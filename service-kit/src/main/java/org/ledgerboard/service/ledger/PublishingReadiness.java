package org.ledgerboard.service.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means able: the store holds what the ledger holds of this service, what the ledger holds of it has been
 * read, and what the store held beyond the ledger at start (a crash between commit and send) is on the ledger or
 * handed to the instance that publishes, so an accepted command reaches the ledger after everything recorded before
 * it. Whether this instance is the publisher is shown, not required: any instance takes commands.
 */
@Readiness
@ApplicationScoped
class PublishingReadiness implements HealthCheck {
    private final StoreReconciliation reconciliation;
    private final LedgerWriter writer;
    private final LedgerCatchUp catchUp;

    PublishingReadiness(StoreReconciliation reconciliation, LedgerWriter writer, LedgerCatchUp catchUp) {
        this.reconciliation = reconciliation;
        this.writer = writer;
        this.catchUp = catchUp;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("ledger publishing")
                .status(reconciliation.done() && writer.ready() && catchUp.caughtUpAtStart())
                .withData("storeFollowsLedger", reconciliation.done())
                .withData("ledgerRead", writer.ready())
                .withData("publisher", writer.leads())
                .withData("ledgerFollowsStore", catchUp.caughtUpAtStart())
                .build();
    }
}

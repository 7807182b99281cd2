package org.ledgerboard.service.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means able: the store holds what the ledger holds of this service, the source chains are rebuilt, and
 * what the store held beyond the ledger at start (a crash between commit and send) is on the ledger, so an
 * accepted command reaches the ledger after everything recorded before it.
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
                .withData("chainsRebuilt", writer.ready())
                .withData("ledgerFollowsStore", catchUp.caughtUpAtStart())
                .build();
    }
}

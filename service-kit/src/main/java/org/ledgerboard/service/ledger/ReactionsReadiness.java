package org.ledgerboard.service.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** DOWN, naming the record and the reason, while the service's reactions to the ledger cannot progress. */
@Readiness
@ApplicationScoped
class ReactionsReadiness implements HealthCheck {
    private final LedgerSubscription subscription;

    ReactionsReadiness(LedgerSubscription subscription) {
        this.subscription = subscription;
    }

    @Override
    public HealthCheckResponse call() {
        String problem = subscription.problem();
        return HealthCheckResponse.named("ledger reactions").status(problem == null)
                .withData("problem", problem == null ? "none" : problem).build();
    }
}

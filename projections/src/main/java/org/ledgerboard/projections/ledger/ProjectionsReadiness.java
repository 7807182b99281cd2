package org.ledgerboard.projections.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the views have caught up with the ledger as it was at start (never with views from before), and
 * DOWN, naming the reason, while the fold cannot progress.
 */
@Readiness
@ApplicationScoped
class ProjectionsReadiness implements HealthCheck {
    private final Projections projections;

    ProjectionsReadiness(Projections projections) {
        this.projections = projections;
    }

    @Override
    public HealthCheckResponse call() {
        String stalled = projections.stalled();
        return HealthCheckResponse.named("views caught up with the ledger")
                .status(projections.caughtUp() && stalled == null)
                .withData("problem", stalled == null ? "none" : stalled)
                .withData("writer", projections.writes()).build();
    }
}

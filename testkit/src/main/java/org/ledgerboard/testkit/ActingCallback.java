package org.ledgerboard.testkit;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/** Every {@code @QuarkusTest} of a service acts through {@link ActingFilter} (registered as a service). */
public class ActingCallback implements QuarkusTestBeforeEachCallback {
    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        ActingFilter.install();
    }
}

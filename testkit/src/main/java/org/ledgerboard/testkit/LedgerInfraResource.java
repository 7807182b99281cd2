package org.ledgerboard.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} the shared broker and store:
 * {@code @QuarkusTestResource(value = LedgerInfraResource.class, restrictToAnnotatedClass = false)}.
 * Stopping is left to the JVM exit, because every test class of the run shares them.
 */
public class LedgerInfraResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return LedgerInfra.start().asConfig();
    }

    @Override
    public void stop() {
        // shared by the whole test run: LedgerInfra stops it when the JVM exits
    }
}

package org.ledgerboard.team;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.ServiceHealthContract;

/** Also proves a Quarkus test can run beside the shared in-JVM broker and store. */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class HealthTest extends ServiceHealthContract {
}

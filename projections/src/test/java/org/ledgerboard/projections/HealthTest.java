package org.ledgerboard.projections;

import io.quarkus.test.junit.QuarkusTest;
import org.ledgerboard.testkit.ServiceHealthContract;

@QuarkusTest
class HealthTest extends ServiceHealthContract {
}

package org.ledgerboard.evaluation;

import io.quarkus.test.junit.QuarkusTest;
import org.ledgerboard.testkit.ServiceHealthContract;

@QuarkusTest
class HealthTest extends ServiceHealthContract {
}

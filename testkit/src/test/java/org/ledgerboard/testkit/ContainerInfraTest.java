package org.ledgerboard.testkit;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The same contract on the real apache/kafka and mongo images; skipped where no Docker engine answers. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerInfraTest extends InfraContract {
    @Override
    InfraEndpoints endpoints() {
        return LedgerInfra.containers();
    }
}

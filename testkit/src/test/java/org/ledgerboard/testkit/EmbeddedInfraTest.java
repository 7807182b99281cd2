package org.ledgerboard.testkit;

/** The contract on the embedded pair: what runs on every machine, Docker or not. */
class EmbeddedInfraTest extends InfraContract {
    @Override
    InfraEndpoints endpoints() {
        return LedgerInfra.embedded();
    }
}

package org.ledgerboard.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The shared broker and store, with the service reaching the store through a {@link StoreLink} that the test
 * receives in its {@code StoreLink} field and cuts when it wants the store to fail.
 */
public class StoreLinkResource implements QuarkusTestResourceLifecycleManager {
    private StoreLink link;

    @Override
    public Map<String, String> start() {
        InfraEndpoints infra = LedgerInfra.start();
        link = StoreLink.to(infra.mongoConnectionString());
        return new InfraEndpoints(infra.kafkaBootstrap(), link.connectionString()).asConfig();
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(link, new TestInjector.MatchesType(StoreLink.class));
    }

    @Override
    public void stop() {
        link.close();
    }
}

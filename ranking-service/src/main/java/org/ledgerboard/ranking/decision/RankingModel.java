package org.ledgerboard.ranking.decision;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.ledgerboard.service.axon.AxonModule;

/** ranking-service's part of the Axon configuration. */
@ApplicationScoped
class RankingModel implements AxonModule {
    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(CompetitionRanking.class);
    }
}

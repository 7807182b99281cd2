package org.ledgerboard.evaluation.round;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.ledgerboard.service.axon.AggregateCache;
import org.ledgerboard.service.axon.AggregateLocks;
import org.ledgerboard.service.axon.AxonModule;

/** evaluation-service's part of the Axon configuration: one cached aggregate per competition, and its views. */
@ApplicationScoped
class EvaluationModel implements AxonModule {
    private final EvaluationViews views;

    EvaluationModel(EvaluationViews views) {
        this.views = views;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(CompetitionEvaluation.class)
                .configureCache(c -> new AggregateCache(AggregateCache.COMPETITIONS))
                .configureLockFactory(c -> AggregateLocks.perAggregate()));
        configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(EvaluationViews.PROCESSING_GROUP)
                .registerEventHandler(c -> views));
    }
}

package org.ledgerboard.evaluation.round;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.ledgerboard.service.axon.AxonModule;
import org.ledgerboard.service.axon.CompetitionAggregates;

/** evaluation-service's part of the Axon configuration: one cached aggregate per competition, and its views. */
@ApplicationScoped
class EvaluationModel implements AxonModule {
    private final EvaluationViews views;

    EvaluationModel(EvaluationViews views) {
        this.views = views;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(CompetitionAggregates.configuration(CompetitionEvaluation.class));
        configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(EvaluationViews.PROCESSING_GROUP)
                .registerEventHandler(c -> views));
    }
}

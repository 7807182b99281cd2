package org.ledgerboard.team.competition;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.ledgerboard.service.axon.AxonModule;
import org.ledgerboard.service.axon.CompetitionAggregates;

/** team-service's part of the Axon configuration: the Competition aggregate, the competition list and its views. */
@ApplicationScoped
class TeamServiceModel implements AxonModule {
    private final CompetitionCatalogue catalogue;
    private final CompetitionViews views;

    TeamServiceModel(CompetitionCatalogue catalogue, CompetitionViews views) {
        this.catalogue = catalogue;
        this.views = views;
    }

    @Override
    public void configure(Configurer configurer) {
        // Cached so a command does not replay the whole competition; a stale copy on another replica fails its
        // append on the unique (aggregate, sequence) index and is answered 409, never written.
        configurer.configureAggregate(CompetitionAggregates.configuration(Competition.class));
        configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(CompetitionCatalogue.PROCESSING_GROUP)
                .registerEventHandler(c -> catalogue)
                .registerSubscribingEventProcessor(CompetitionViews.PROCESSING_GROUP)
                .registerEventHandler(c -> views));
    }
}

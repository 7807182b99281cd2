package org.ledgerboard.team.competition;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.ledgerboard.service.axon.AxonModule;

/** team-service's part of the Axon configuration: the Competition aggregate and the competition list. */
@ApplicationScoped
class TeamServiceModel implements AxonModule {
    private final CompetitionCatalogue catalogue;

    TeamServiceModel(CompetitionCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(Competition.class);
        configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(CompetitionCatalogue.PROCESSING_GROUP)
                .registerEventHandler(c -> catalogue));
    }
}

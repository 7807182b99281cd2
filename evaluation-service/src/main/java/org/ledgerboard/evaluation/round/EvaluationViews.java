package org.ledgerboard.evaluation.round;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.service.api.ProblemException;
import org.ledgerboard.service.axon.AxonRuntime;
import org.ledgerboard.service.axon.Folds;

import java.util.function.Function;

/**
 * Reads a competition's rounds from the evaluation aggregate's fold kept in memory ({@link Folds}), advanced by a
 * subscribing handler as each command records its events.
 */
@Singleton
@ProcessingGroup(EvaluationViews.PROCESSING_GROUP)
public class EvaluationViews {
    static final String PROCESSING_GROUP = "evaluation-views";

    private final Folds<EvaluationState> folds;

    EvaluationViews(AxonRuntime axon) { // not the EventStore: Axon is built with this handler, the runtime lazily
        this.folds = new Folds<>(EvaluationState::new, (state, event) -> state.apply((LedgerEvent) event.getPayload()),
                id -> axon.storage().readEvents(id));
    }

    @EventHandler
    void on(LedgerEvent event, DomainEventMessage<?> message) {
        folds.follow(message);
    }

    /** What {@code view} makes of the round (it runs under the fold's lock: the round itself must not escape). */
    public <T> T round(String competitionId, String roundId, Function<EvaluationState.Round, T> view) {
        return folds.read(CompetitionEvaluation.idOf(competitionId), state -> {
            EvaluationState.Round round = state.round(roundId);
            if (round == null) {
                throw ProblemException.notFound("no round " + roundId + " in competition " + competitionId);
            }
            return view.apply(round);
        });
    }
}

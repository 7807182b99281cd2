package org.ledgerboard.evaluation.round;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.service.api.ProblemException;

/** Reads a competition's rounds by folding the evaluation aggregate's stored events. */
@ApplicationScoped
public class EvaluationViews {
    private final EventStore events;

    EvaluationViews(EventStore events) {
        this.events = events;
    }

    public EvaluationState.Round round(String competitionId, String roundId) {
        EvaluationState state = new EvaluationState();
        DomainEventStream stream = events.readEvents(CompetitionEvaluation.idOf(competitionId));
        while (stream.hasNext()) {
            state.apply((LedgerEvent) stream.next().getPayload());
        }
        EvaluationState.Round round = state.round(roundId);
        if (round == null) {
            throw ProblemException.notFound("no round " + roundId + " in competition " + competitionId);
        }
        return round;
    }
}

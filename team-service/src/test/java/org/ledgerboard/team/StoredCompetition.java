package org.ledgerboard.team;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.ledgerboard.core.event.Actor;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.service.axon.ActorMetaData;
import org.ledgerboard.testkit.ActingFilter;
import org.ledgerboard.testkit.TestIssuer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A competition's events as the store holds them, for tests that write the store directly (as a dead process left it). */
public final class StoredCompetition {
    private static final Map<String, String> ORGANISER =
            ActorMetaData.of(new Actor(Actor.ORGANISER, ActingFilter.ORGANISER, TestIssuer.ISSUER));

    private StoredCompetition() {
    }

    /** A launched competition and then its selected teams t1, t2, …: {@code size} events. */
    public static List<DomainEventMessage<?>> events(String c, int size) {
        List<DomainEventMessage<?>> stored = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            LedgerEvent event = i == 0
                    ? new CompetitionLaunched(c, "full speed", "o", Map.of("KRW", BigDecimal.ONE), 1,
                    CompetitionLaunched.OPTIONAL)
                    : new TeamSelected(c, "t" + i, "t" + i, "lead " + i, List.of("lab " + i), List.of("m" + i));
            stored.add(new GenericDomainEventMessage<>("Competition", c, i, event, ORGANISER));
        }
        return stored;
    }
}

package org.ledgerboard.service.ledger;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.Actor;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.service.axon.ActorMetaData;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger record of a stored event is the same, byte for byte and hash for hash, with tracing on and off. */
class StoredEventsTest {
    private static final TeamSelected SELECTED = new TeamSelected("sovereign-ai-2025", "upstage", "업스테이지",
            "Upstage", List.of("Upstage"), List.of("upstage-submitter"), null);

    @Test
    void aTracedEventMakesTheSameRecordAsAnUntracedOne() {
        Map<String, String> untraced = ActorMetaData.of(new Actor(Actor.ORGANISER, "msit-nipa", "urn:ledgerboard:local"));
        Map<String, String> traced = new HashMap<>(untraced);
        traced.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        traced.put("tracestate", "vendor=opaque");

        LedgerRecord plain = StoredEvents.toRecord("/team-service", stored(untraced));
        LedgerRecord withTrace = StoredEvents.toRecord("/team-service", stored(traced));

        assertThat(EventCodec.encode(withTrace)).isEqualTo(EventCodec.encode(plain));
        assertThat(withTrace.hash()).isEqualTo(plain.hash());
        assertThat(StoredEvents.traceOf(stored(traced)).get("traceparent")).isEqualTo(traced.get("traceparent"));
    }

    @Test
    void eventsAreOfOneCommandWhenTheyCarryItsIdentifierAndEachOnItsOwnWithout() {
        String correlation = MessageOriginProvider.getDefaultCorrelationKey();
        Map<String, String> ofA = Map.of(correlation, "command-a");

        assertThat(StoredEvents.sameCommand(stored(ofA), stored(Map.of(correlation, "command-a")))).isTrue();
        assertThat(StoredEvents.sameCommand(stored(ofA), stored(Map.of(correlation, "command-b")))).isFalse();
        assertThat(StoredEvents.sameCommand(stored(Map.of()), stored(Map.of()))).isFalse();
    }

    private static GenericDomainEventMessage<TeamSelected> stored(Map<String, String> metaData) {
        return new GenericDomainEventMessage<>("Competition", "sovereign-ai-2025", 3, SELECTED, MetaData.from(metaData),
                "event-1", Instant.parse("2025-08-04T09:00:00.123456Z"));
    }
}

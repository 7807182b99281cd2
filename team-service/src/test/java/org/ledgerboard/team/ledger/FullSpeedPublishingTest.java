package org.ledgerboard.team.ledger;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.audit.AuditReport;
import org.ledgerboard.core.audit.Auditor;
import org.ledgerboard.core.event.Actor;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.LedgerSealed;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.integrity.TrustedKeys;
import org.ledgerboard.service.axon.ActorMetaData;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.LedgerTopic;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ledgerboard.team.TeamApi.uniqueId;

/**
 * The outbox at full speed: 10,000 events stored at once are published in pipelined batches, and the ledger still
 * holds each exactly once, in store order, chained and sealed, so the audit passes.
 */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class FullSpeedPublishingTest {
    private static final int EVENTS = 10_000;

    @Inject
    EventStore events;

    @Test
    void tenThousandEventsStoredAtOnceLandOnceInOrderAndPassTheAudit() {
        String c = uniqueId("full-speed");
        Map<String, String> organiser = ActorMetaData.of(new Actor(Actor.ORGANISER, "org-a", "test"));
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            LedgerEvent event = i == 0
                    ? new CompetitionLaunched(c, "full speed", "o", Map.of("KRW", BigDecimal.ONE), 1,
                    CompetitionLaunched.OPTIONAL)
                    : new TeamSelected(c, "t" + i, "t" + i, "lead " + i, List.of("lab " + i), List.of("m" + i));
            batch.add(new GenericDomainEventMessage<>("Competition", c, i, event, organiser));
            if (batch.size() == 1_000) {
                events.publish(batch);
                batch.clear();
            }
        }

        List<LedgerTopic.Entry> ledger = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> LedgerTopic.shared().competition(c), entries -> !entries.isEmpty()
                        && entries.get(entries.size() - 1).decoded().data() instanceof LedgerSealed seal
                        && seal.count() == EVENTS);

        List<Long> sequences = ledger.stream().map(LedgerTopic.Entry::decoded)
                .filter(r -> !(r.data() instanceof LedgerSealed)).map(r -> r.sequence()).toList();
        assertThat(sequences).hasSize(EVENTS).isSorted().doesNotHaveDuplicates();
        Auditor auditor = new Auditor(TrustedKeys.parse(given().get("/ledger/keys").then().extract().asString()));
        ledger.forEach(e -> auditor.accept(e.offset(), e.value()));
        AuditReport report = auditor.report();
        assertThat(report.verdicts()).allSatisfy(v -> assertThat(v.passed()).as(v.check() + " " + v.findings()).isTrue());
    }
}

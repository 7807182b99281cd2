package org.ledgerboard.team.ledger;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.audit.AuditReport;
import org.ledgerboard.core.audit.Auditor;
import org.ledgerboard.core.event.LedgerSealed;
import org.ledgerboard.core.integrity.TrustedKeys;
import org.ledgerboard.service.axon.AxonRuntime;
import org.ledgerboard.team.StoredCompetition;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.LedgerTopic;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ledgerboard.team.TeamApi.post;
import static org.ledgerboard.team.TeamApi.uniqueId;

/**
 * The write path at full speed: 50,000 events committed as fast as the store takes them reach the ledger on the fast
 * path, each exactly once, in order, chained and sealed, so the audit passes; and events a dead process stored but
 * never sent are published, in order, before the next command on their competition is answered.
 */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class FullSpeedPublishingTest {
    private static final int EVENTS = 50_000;
    private static final int PER_UNIT_OF_WORK = 1_000;

    @Inject
    EventStore events;
    @Inject
    AxonRuntime axon;

    @Test
    void fiftyThousandEventsCommittedAtFullSpeedLandOnceInOrderAndPassTheAudit() {
        String c = uniqueId("full-speed");
        List<DomainEventMessage<?>> competition = StoredCompetition.events(c, EVENTS);
        for (int from = 0; from < EVENTS; from += PER_UNIT_OF_WORK) {
            List<DomainEventMessage<?>> batch = competition.subList(from, from + PER_UNIT_OF_WORK);
            DefaultUnitOfWork.startAndGet(null).execute(() -> events.publish(batch));
        }

        List<LedgerTopic.Entry> ledger = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> LedgerTopic.shared().competition(c), entries -> !entries.isEmpty()
                        && entries.get(entries.size() - 1).decoded().data() instanceof LedgerSealed seal
                        && seal.count() == EVENTS);

        assertOnceInOrderAndAudited(ledger, EVENTS);
    }

    @Test
    void eventsStoredButNeverSentArePublishedInOrderBeforeTheNextCommandIsAnswered() {
        String c = uniqueId("never-sent");
        axon.storage().appendEvents(StoredCompetition.events(c, 2_000)); // as a process that died after its commits left them

        post("/competitions/" + c + "/teams", Map.of("teamId", "late", "name", "late", "leadOrganisation", "l",
                "consortium", List.of()), "late-" + c).statusCode(201);

        // the answer follows the last transaction's commit; a reader sees it once its markers are written
        List<LedgerTopic.Entry> ledger = await().atMost(Duration.ofSeconds(30)).until(() -> LedgerTopic.shared()
                .competition(c).stream().filter(e -> !(e.decoded().data() instanceof LedgerSealed)).toList(),
                entries -> entries.size() >= 2_001);
        assertOnceInOrderAndAudited(ledger, 2_001);
    }

    @Test
    void theEventsOfOneCommandStoredButNeverSentGoToTheLedgerInOneTransaction() {
        String c = uniqueId("one-command");
        int perCommand = 1_000; // enough for the publisher to start a transaction before the last is queued
        List<DomainEventMessage<?>> stored = StoredCompetition.events(c, 2 * perCommand).stream()
                .<DomainEventMessage<?>>map(e -> e.andMetaData(Map.of(MessageOriginProvider.getDefaultCorrelationKey(),
                        "command-" + e.getSequenceNumber() / perCommand)))
                .toList();
        axon.storage().appendEvents(stored);

        post("/competitions/" + c + "/teams", Map.of("teamId", "late", "name", "late", "leadOrganisation", "l",
                "consortium", List.of()), "late-" + c).statusCode(201);

        List<LedgerTopic.Entry> ledger = await().atMost(Duration.ofSeconds(30)).until(() -> LedgerTopic.shared()
                .competition(c), entries -> entries.stream().filter(e -> e.decoded().sequence() == 2 * perCommand
                && !(e.decoded().data() instanceof LedgerSealed)).count() == 1);
        for (int command = 0; command < 2; command++) {
            long first = perCommand * command;
            long last = first + perCommand - 1;
            List<Long> offsets = ledger.stream().filter(e -> !(e.decoded().data() instanceof LedgerSealed))
                    .filter(e -> e.decoded().sequence() >= first && e.decoded().sequence() <= last)
                    .map(LedgerTopic.Entry::offset).toList();
            // a transaction's commit marker takes an offset: none within a command's records (a seal may be there)
            List<Long> spanned = ledger.stream().map(LedgerTopic.Entry::offset)
                    .filter(o -> o >= offsets.get(0) && o <= offsets.get(offsets.size() - 1)).toList();
            assertThat(offsets).as("command %d", command).hasSize(perCommand);
            assertThat(spanned.get(spanned.size() - 1) - spanned.get(0)).as("command %d", command)
                    .isEqualTo(spanned.size() - 1);
        }
    }

    private static void assertOnceInOrderAndAudited(List<LedgerTopic.Entry> ledger, int events) {
        List<Long> sequences = ledger.stream().map(LedgerTopic.Entry::decoded)
                .filter(r -> !(r.data() instanceof LedgerSealed)).map(r -> r.sequence()).toList();
        assertThat(sequences).hasSize(events).isSorted().doesNotHaveDuplicates();
        Auditor auditor = new Auditor(TrustedKeys.parse(given().get("/ledger/keys").then().extract().asString()));
        ledger.forEach(e -> auditor.accept(e.offset(), e.value()));
        AuditReport report = auditor.report();
        assertThat(report.verdicts()).allSatisfy(v -> assertThat(v.passed()).as(v.check() + " " + v.findings()).isTrue());
    }
}

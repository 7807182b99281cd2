package org.ledgerboard.team.ledger;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.kafka.LedgerTopics;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.LedgerTopic;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ledgerboard.team.TeamApi.launch;
import static org.ledgerboard.team.TeamApi.select;
import static org.ledgerboard.team.TeamApi.uniqueId;

/**
 * Each record goes on the ledger with its type and source as Kafka headers, outside its hashed bytes: readers
 * interested in a few types or in one source's records skip the rest without parsing them.
 */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class RecordHintsTest {
    private final LedgerTopic ledger = LedgerTopic.shared();

    @Test
    void aRecordCarriesItsTypeAndSourceInItsHeaders() {
        String c = uniqueId("hints");
        launch(c);
        select(c, "upstage");

        LedgerTopic.Entry selected = await().atMost(Duration.ofSeconds(30)).until(() -> ledger.competition(c).stream()
                .filter(e -> e.decoded().data() instanceof TeamSelected).findFirst(), found -> found.isPresent()).get();
        assertThat(selected.headers()).containsEntry(LedgerTopics.TYPE_HEADER, "org.ledgerboard.TeamSelected")
                .containsEntry(LedgerTopics.SOURCE_HEADER, "/team-service");
    }
}

package org.ledgerboard.team.ledger;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.FundingRevoked;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.core.event.TeamSupportEnded;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.LedgerTopic;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.ledgerboard.team.TeamApi.grant;
import static org.ledgerboard.team.TeamApi.launch;
import static org.ledgerboard.team.TeamApi.post;
import static org.ledgerboard.team.TeamApi.select;
import static org.ledgerboard.team.TeamApi.uniqueId;

/** A TeamEliminated on the ledger, delivered twice, ends support and revokes the undisbursed funding once. */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class EliminationTest {
    private final LedgerTopic ledger = LedgerTopic.shared();

    @Test
    void anEliminationRevokesTheUndisbursedRemainderExactlyOnce() {
        String c = uniqueId("elim");
        launch(c);
        select(c, "nc-ai");
        select(c, "upstage");
        grant(c, "g-nc", "nc-ai", "300");
        post("/competitions/" + c + "/grants/g-nc/disbursements", Map.of("amount", "120")).statusCode(201);
        grant(c, "g-up", "upstage", "300");
        LedgerRecord elimination = EventCodec.stamp(new LedgerRecord("elim-" + c, "/ranking-service", null,
                Instant.parse("2026-01-15T09:00:00Z"), c + "/rounds/r1", 0,
                new TeamEliminated(c, "r1", "nc-ai", 5, new BigDecimal("61.20"), "eliminate the lowest 1"), null));

        ledger.publish(elimination);
        ledger.publish(elimination);

        // the revocation is the reaction's last event: a view read before it may show the support ended alone
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/competitions/" + c + "/grants/g-nc")
                .then().body("revoked", equalTo("180")).body("remaining", equalTo("0")));
        given().get("/competitions/" + c + "/teams/nc-ai").then().body("status", equalTo("ELIMINATED"));
        given().get("/competitions/" + c + "/grants/g-up").then().body("revoked", equalTo("0"));
        post("/competitions/" + c + "/grants/g-nc/disbursements", Map.of("amount", "1")).statusCode(409);

        List<LedgerRecord> published = await().atMost(Duration.ofSeconds(30)).until(
                () -> ledger.competition(c).stream().map(LedgerTopic.Entry::decoded)
                        .filter(r -> r.data() instanceof FundingRevoked || r.data() instanceof TeamSupportEnded).toList(),
                rs -> rs.size() >= 2);
        assertThat(published).extracting(LedgerRecord::data).containsExactly(
                new TeamSupportEnded(c, "nc-ai", "elim-" + c),
                new FundingRevoked(c, "g-nc", new BigDecimal("180"), "elim-" + c));
    }
}

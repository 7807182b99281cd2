package org.ledgerboard.ranking.ledger;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.CompetitionConcluded;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.Criterion;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.RoundClosed;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.RoundScored;
import org.ledgerboard.core.event.StandingsPublished;
import org.ledgerboard.core.event.SubmissionMade;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.service.ledger.LedgerSubscription;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.LedgerTopic;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Records produced to ledger.events, as the other services would, give exactly the expected decisions, once: also
 * after the consumer restarts and the same RoundClosed is delivered again.
 */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class DecisionsFromTheLedgerTest {
    private static final Instant T = Instant.parse("2026-06-30T00:00:00Z");

    @Inject
    LedgerSubscription subscription;

    private final LedgerTopic ledger = LedgerTopic.shared();
    private final List<LedgerRecord> published = new ArrayList<>();

    private void publish(String source, LedgerEvent event) {
        String aggregate = event.competitionId() + source;
        long sequence = published.stream().filter(r -> r.aggregateId().equals(aggregate)).count();
        LedgerRecord record = EventCodec.stamp(new LedgerRecord(UUID.randomUUID().toString(), source, null, T,
                aggregate, sequence, event, null));
        ledger.publish(record);
        published.add(record);
    }

    private static String newCompetition() {
        return "rank-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Three teams selected, two of them submitting to round r1 and scoring alike; r1 closed. */
    private void playFirstRound(String c) {
        publish("/team-service", new CompetitionLaunched(c, "cup", "org", Map.of("KRW", BigDecimal.TEN), 1));
        for (String team : List.of("naver-cloud", "upstage", "nc-ai")) {
            publish("/team-service", new TeamSelected(c, team, team, team, List.of(team), List.of("member-" + team)));
        }
        publish("/evaluation-service", new RoundOpened(c, "r1", 1, T, List.of(
                new Criterion("benchmark", BigDecimal.ONE, new BigDecimal("100"))), 2, 1, List.of("earliestSubmission", "teamId")));
        publish("/evaluation-service", new SubmissionMade(c, "s1", "r1", "naver-cloud", "0".repeat(64), "https://x.org", T.minusSeconds(20)));
        publish("/evaluation-service", new SubmissionMade(c, "s2", "r1", "upstage", "0".repeat(64), "https://x.org", T.minusSeconds(10)));
        publish("/evaluation-service", new RoundScored(c, "r1", "naver-cloud", Map.of("benchmark", new BigDecimal("75.00")), new BigDecimal("75.00")));
        publish("/evaluation-service", new RoundScored(c, "r1", "upstage", Map.of("benchmark", new BigDecimal("75.00")), new BigDecimal("75.00")));
        publish("/evaluation-service", new RoundClosed(c, "r1", List.of("naver-cloud", "upstage")));
    }

    private List<LedgerRecord> awaitDecisions(String c, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> decisions(c), d -> d.size() >= count);
    }

    private List<LedgerRecord> decisions(String c) {
        return ledger.competition(c).stream().map(LedgerTopic.Entry::decoded)
                .filter(r -> r.source().equals("/ranking-service"))
                .filter(r -> !(r.data() instanceof org.ledgerboard.core.event.LedgerSealed)).toList();
    }

    @Test
    void aClosedRoundIsRankedAndItsLowestTeamEliminatedExactlyOnce() throws InterruptedException {
        String c = newCompetition();
        playFirstRound(c);

        List<LedgerRecord> decided = awaitDecisions(c, 2);
        assertThat(decided.get(0).data()).isInstanceOfSatisfying(StandingsPublished.class, s ->
                assertThat(s.standings()).extracting(st -> st.teamId()).containsExactly("naver-cloud", "upstage", "nc-ai"));
        assertThat(decided.get(1).data()).isInstanceOfSatisfying(TeamEliminated.class, e -> {
            assertThat(e.teamId()).isEqualTo("nc-ai");
            assertThat(e.total()).isNull();
        });
        given().get("/competitions/" + c + "/rounds/r1/standings").then().statusCode(200)
                .body("teams[2].status", equalTo("ELIMINATED")).body("teams[2].submitted", equalTo(false));

        subscription.restart(); // the consumer restarts, resuming from the group's committed offsets
        ledger.publish(published.get(published.size() - 1)); // the same RoundClosed delivered again
        publish("/evaluation-service", new RoundOpened(c, "r2", 2, T.plusSeconds(86_400), List.of(
                new Criterion("benchmark", BigDecimal.ONE, new BigDecimal("100"))), 2, 1, List.of("teamId")));
        publish("/evaluation-service", new RoundScored(c, "r2", "naver-cloud", Map.of("benchmark", BigDecimal.ONE), BigDecimal.ONE));
        publish("/evaluation-service", new RoundScored(c, "r2", "upstage", Map.of("benchmark", BigDecimal.TEN), BigDecimal.TEN));
        publish("/evaluation-service", new RoundClosed(c, "r2", List.of("naver-cloud", "upstage")));

        List<LedgerRecord> all = awaitDecisions(c, 5);
        assertThat(all).extracting(r -> r.data().getClass().getSimpleName()).containsExactly(
                "StandingsPublished", "TeamEliminated", "StandingsPublished", "TeamEliminated", "CompetitionConcluded");
        assertThat(((CompetitionConcluded) all.get(4).data()).finalists()).containsExactly("upstage");
        given().get("/competitions/" + c + "/standings").then().statusCode(200)
                .body("roundId", equalTo("r2")).body("concluded", equalTo(true))
                .body("teams[0].status", equalTo("FINALIST"));
    }

    @Test
    void aDecisionsRecordsArePublishedInOneTransaction() {
        String c = newCompetition();
        playFirstRound(c);
        awaitDecisions(c, 2);

        List<Long> offsets = ledger.competition(c).stream().filter(e -> e.decoded().source().equals("/ranking-service"))
                .filter(e -> e.decoded().data() instanceof StandingsPublished || e.decoded().data() instanceof TeamEliminated)
                .map(LedgerTopic.Entry::offset).toList();
        // a transaction's commit marker takes an offset: none between them
        assertThat(offsets).hasSize(2);
        assertThat(offsets.get(1)).isEqualTo(offsets.get(0) + 1);
    }

    @Test
    void aCompetitionLaunchedWhileItsPartitionIsReadMidStreamIsFoldedFromItsLaunchNotReadBack() throws InterruptedException {
        String earlier = newCompetition();
        playFirstRound(earlier);
        awaitDecisions(earlier, 2);
        subscription.restart(); // resumes from the committed offsets: the partition is read from mid-stream on
        publish("/team-service", new TeamSelected(earlier, "late", "late", "late", List.of("late"), List.of("member-late")));
        int partition = ledger.partitionOf(earlier);
        String launched;
        do {
            launched = newCompetition();
        } while (ledger.partitionOf(launched) != partition);

        playFirstRound(launched);

        assertThat(awaitDecisions(launched, 2).get(1).data()).isInstanceOfSatisfying(TeamEliminated.class,
                e -> assertThat(e.teamId()).isEqualTo("nc-ai"));
        assertThat(LedgerHistoryAsked.ASKED)
                .as("a competition met mid-stream is read back; one met at its launch is not")
                .contains(earlier).doesNotContain(launched);
    }
}

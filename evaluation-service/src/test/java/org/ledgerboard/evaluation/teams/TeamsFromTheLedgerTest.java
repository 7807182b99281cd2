package org.ledgerboard.evaluation.teams;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.fold.TeamRoster;
import org.ledgerboard.evaluation.TeamServiceStub;
import org.ledgerboard.testkit.ActingFilter;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.LedgerTopic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.ledgerboard.evaluation.EvaluationApi.post;
import static org.ledgerboard.evaluation.EvaluationApi.round;
import static org.ledgerboard.evaluation.EvaluationApi.submit;
import static org.ledgerboard.evaluation.EvaluationApi.uniqueId;

/** A team whose selection evaluation-service read on the ledger is checked from the ledger, not by a call. */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
@QuarkusTestResource(TeamServiceStub.class)
class TeamsFromTheLedgerTest {
    @Inject
    TeamsOnTheLedger onTheLedger;

    private final LedgerTopic ledger = LedgerTopic.shared();
    private String c;
    private int sequence;

    @BeforeEach
    void anOpenRound() {
        c = uniqueId("ledger-teams");
        TeamServiceStub.competition(c);
        post("/competitions/" + c + "/rounds", round("r1", 1, Instant.now().plusSeconds(3600))).statusCode(201);
    }

    private void published(LedgerEvent event) {
        ledger.publish(record(event));
    }

    private LedgerRecord record(LedgerEvent event) {
        return EventCodec.stamp(new LedgerRecord(UUID.randomUUID().toString(), "/team-service", null, Instant.now(),
                c, sequence++, event, null));
    }

    private static TeamSelected selection(String competitionId, String teamId) {
        return new TeamSelected(competitionId, teamId, teamId, "lab", List.of("lab"),
                List.of(ActingFilter.memberOf(teamId)), null);
    }

    private void selected(String teamId) {
        published(selection(c, teamId));
    }

    private void readHere(String teamId, TeamRoster.Status status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> onTheLedger.team(c, teamId)
                .filter(team -> team.status() == status).isPresent());
    }

    @Test
    void aTeamTeamServiceCannotBeAskedAboutSubmitsOnceItsSelectionIsRead() {
        TeamServiceStub.unreachable(c, "lg");
        selected("lg");
        readHere("lg", TeamRoster.Status.ACTIVE);

        submit(c, "r1", "lg").statusCode(201);
    }

    @Test
    void aTeamSelectedAMomentAgoSubmitsWithoutAskingTeamService() {
        TeamServiceStub.unreachable(c, "kt");
        List<LedgerRecord> selections = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) { // a competition filling up faster than evaluation-service reads it
            selections.add(record(selection(c, "team-" + i)));
        }
        selections.add(record(selection(c, "kt")));
        ledger.publishAll(selections);

        submit(c, "r1", "kt").statusCode(201);
    }

    @Test
    void aTeamEliminatedOnTheLedgerCannotSubmit() {
        TeamServiceStub.team(c, "nc-ai", "ACTIVE", "NC AI", List.of("NC AI")); // not yet told
        selected("nc-ai");
        published(new TeamEliminated(c, "r0", "nc-ai", 5, null, "lowest total"));
        readHere("nc-ai", TeamRoster.Status.ELIMINATED);

        submit(c, "r1", "nc-ai").statusCode(409).body("rule", equalTo("team-must-be-active"));
    }

    @Test
    void aTeamNotReadHereIsAskedOfTeamService() {
        TeamServiceStub.team(c, "upstage", "ACTIVE", "Upstage", List.of("Upstage"));

        submit(c, "r1", "upstage").statusCode(201);
    }
}

package org.ledgerboard.team.competition;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.ledgerboard.service.axon.AxonRuntime;
import org.ledgerboard.team.StoredCompetition;
import org.ledgerboard.testkit.LedgerInfraResource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.ledgerboard.team.TeamApi.launch;
import static org.ledgerboard.team.TeamApi.select;
import static org.ledgerboard.team.TeamApi.uniqueId;

/** Reads come from folds kept in memory: they see every answered command at once, and follow the store. */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class CompetitionViewsTest {
    private static final int THREADS = 4;
    private static final int TEAMS_PER_THREAD = 50;

    @Inject
    AxonRuntime axon;

    @Test
    void aTeamIsReadAsSoonAsItsSelectionIsAnsweredWhileOthersAreSelected() throws Exception {
        String c = uniqueId("read-own-writes");
        launch(c);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                for (int i = 0; i < TEAMS_PER_THREAD; i++) {
                    String team = "t" + thread + "-" + i;
                    select(c, team);
                    given().get("/competitions/" + c + "/teams/" + team).then().statusCode(200)
                            .body("teamId", equalTo(team)).body("status", equalTo("ACTIVE"));
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();

        given().get("/competitions/" + c).then().statusCode(200).body("teams", hasSize(THREADS * TEAMS_PER_THREAD));
    }

    @Test
    void eventsTheStoreGotBehindTheFoldsBackAreReadOnceTheNextCommandIsRecorded() {
        String c = uniqueId("behind-the-fold");
        List<DomainEventMessage<?>> stored = StoredCompetition.events(c, 4);
        axon.storage().appendEvents(stored.subList(0, 1));
        given().get("/competitions/" + c).then().statusCode(200).body("teams", hasSize(0)); // folded: the launch

        axon.storage().appendEvents(stored.subList(1, 4)); // three teams, as another writer would have stored them
        select(c, "t4");

        given().get("/competitions/" + c).then().statusCode(200).body("teams.teamId", equalTo(List.of("t1", "t2", "t3", "t4")));
    }

    @Test
    void aCompetitionNobodyLaunchedIsNotFoundAndLaterIsRead() {
        String c = uniqueId("not-yet");
        given().get("/competitions/" + c).then().statusCode(404);

        launch(c);

        given().get("/competitions/" + c).then().statusCode(200).body("competitionId", equalTo(c));
    }
}

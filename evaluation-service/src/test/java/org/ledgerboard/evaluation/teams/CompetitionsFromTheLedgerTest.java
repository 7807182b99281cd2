package org.ledgerboard.evaluation.teams;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.Actor;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.Envelope;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.OrganiserAppointed;
import org.ledgerboard.core.event.SignedSubmission;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.core.event.TeamKeyRotated;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.fold.TeamRoster;
import org.ledgerboard.core.integrity.Dsse;
import org.ledgerboard.core.integrity.SigningKey;
import org.ledgerboard.evaluation.TeamServiceStub;
import org.ledgerboard.testkit.ActingFilter;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.LedgerTopic;
import org.ledgerboard.testkit.TestIssuer;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.ledgerboard.evaluation.EvaluationApi.DIGEST;
import static org.ledgerboard.evaluation.EvaluationApi.post;
import static org.ledgerboard.evaluation.EvaluationApi.postAs;
import static org.ledgerboard.evaluation.EvaluationApi.round;
import static org.ledgerboard.evaluation.EvaluationApi.submit;
import static org.ledgerboard.evaluation.EvaluationApi.uniqueId;

/**
 * A competition or team evaluation-service read on the ledger is checked from the ledger, not by a call to
 * team-service; what it has not read is waited for a moment, then asked.
 */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
@QuarkusTestResource(TeamServiceStub.class)
class CompetitionsFromTheLedgerTest {
    private static final Actor ORGANISER = new Actor(Actor.ORGANISER, ActingFilter.ORGANISER, TestIssuer.ISSUER);

    @Inject
    CompetitionsOnTheLedger onTheLedger;

    private final LedgerTopic ledger = LedgerTopic.shared();
    private String c;
    private int sequence;

    @BeforeEach
    void anOpenRound() {
        c = uniqueId("ledger-teams");
        launched(c, ORGANISER); // team-service is not told
        post("/competitions/" + c + "/rounds", round("r1", 1, Instant.now().plusSeconds(3600))).statusCode(201);
    }

    private void launched(String competitionId, Actor by) {
        ledger.publish(record(competitionId, 0, by, new CompetitionLaunched(competitionId, "stub", "lab",
                Map.of("KRW", BigDecimal.ONE), 1, CompetitionLaunched.OPTIONAL)));
    }

    private void published(LedgerEvent event) {
        ledger.publish(record(event));
    }

    private LedgerRecord record(LedgerEvent event) {
        return record(c, ++sequence, ORGANISER, event);
    }

    private static LedgerRecord record(String competitionId, long sequence, Actor by, LedgerEvent event) {
        return EventCodec.stamp(new LedgerRecord(UUID.randomUUID().toString(), "/team-service", null, Instant.now(),
                competitionId, sequence, by, event, null));
    }

    private static TeamSelected selection(String competitionId, String teamId) {
        return new TeamSelected(competitionId, teamId, teamId, "lab", List.of("lab"),
                List.of(ActingFilter.memberOf(teamId)), null);
    }

    private void selected(String teamId) {
        published(selection(c, teamId));
    }

    /** Records of a competition filling up faster than evaluation-service reads them, then the event. */
    private List<LedgerRecord> aBacklogThen(LedgerEvent event) {
        List<LedgerRecord> records = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            records.add(record(selection(c, "team-" + i)));
        }
        records.add(record(event));
        return records;
    }

    private void readHere(String teamId, TeamRoster.Status status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> onTheLedger.team(c, teamId)
                .filter(team -> team.status() == status).isPresent());
    }

    @Test
    void aCompetitionLaunchedByAnotherOrganiserRefusesThisOne() {
        String other = uniqueId("ledger-other");
        launched(other, new Actor(Actor.ORGANISER, "another-organiser", TestIssuer.ISSUER));

        post("/competitions/" + other + "/rounds", round("r1", 1, Instant.now().plusSeconds(3600)))
                .statusCode(403).body("rule", equalTo("organiser-of-competition"));
    }

    @Test
    void anOrganiserAppointedAMomentAgoAssignsAnEvaluator() {
        ledger.publishAll(aBacklogThen(new OrganiserAppointed(c, "appointed-organiser")));

        postAs("organiser:appointed-organiser", "/competitions/" + c + "/rounds/r1/evaluators",
                Map.of("evaluatorId", "ev-a", "affiliation", "panel", "criteria", List.of("benchmark")))
                .statusCode(201);
    }

    @Test
    void aTeamWhoseKeyWasRotatedAMomentAgoSignsWithItsNewKey() {
        SigningKey first = SigningKey.generate();
        SigningKey rotated = SigningKey.generate();
        TeamServiceStub.unreachable(c, "lg");
        published(new TeamSelected(c, "lg", "lg", "lab", List.of("lab"), List.of(ActingFilter.memberOf("lg")),
                Dsse.jwkOf(first.verifyingKey())));
        readHere("lg", TeamRoster.Status.ACTIVE);
        ledger.publishAll(aBacklogThen(new TeamKeyRotated(c, "lg", Dsse.jwkOf(rotated.verifyingKey()), "rotation")));

        postAs("team:" + ActingFilter.memberOf("lg"), "/competitions/" + c + "/rounds/r1/submissions",
                Dsse.sign(rotated, Envelope.SUBMISSION,
                        new SignedSubmission(c, "r1", "s-lg", "lg", DIGEST, "https://example.org/lg")))
                .statusCode(201);
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
        ledger.publishAll(aBacklogThen(selection(c, "kt")));

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

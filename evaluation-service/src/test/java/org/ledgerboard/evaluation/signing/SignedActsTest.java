package org.ledgerboard.evaluation.signing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.canonical.LedgerJson;
import org.ledgerboard.core.event.Envelope;
import org.ledgerboard.core.event.EvaluationRecorded;
import org.ledgerboard.core.event.SignedEvaluation;
import org.ledgerboard.core.event.SignedSubmission;
import org.ledgerboard.core.event.SubmissionMade;
import org.ledgerboard.core.integrity.Dsse;
import org.ledgerboard.core.integrity.SigningKey;
import org.ledgerboard.evaluation.TeamServiceStub;
import org.ledgerboard.testkit.ActingFilter;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.LedgerTopic;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.ledgerboard.evaluation.EvaluationApi.DIGEST;
import static org.ledgerboard.evaluation.EvaluationApi.postAs;
import static org.ledgerboard.evaluation.EvaluationApi.uniqueId;

/** Under signatures required, submissions and evaluations are DSSE envelopes by the keys bound to their actors. */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
@QuarkusTestResource(TeamServiceStub.class)
class SignedActsTest {
    private final SigningKey t1 = SigningKey.generate();
    private final SigningKey evA = SigningKey.generate();
    private final String c = uniqueId("signed");
    private String rounds;

    private static String jwk(SigningKey key) throws Exception {
        return LedgerJson.mapper().writeValueAsString(Dsse.jwkOf(key.verifyingKey()));
    }

    private SignedSubmission submission(String competitionId) {
        return new SignedSubmission(competitionId, "r1", "s-t1", "t1", DIGEST, "https://example.org/t1");
    }

    @BeforeEach
    void aCompetitionRequiringSignatures() throws Exception {
        TeamServiceStub.signedCompetition(c);
        TeamServiceStub.signingTeam(c, "t1", jwk(t1));
        rounds = "/competitions/" + c + "/rounds";
        postAs("organiser:" + ActingFilter.ORGANISER, rounds, Map.of("roundId", "r1", "number", 1,
                "submissionDeadline", Instant.now().plusSeconds(3600).toString(),
                "criteria", List.of(Map.of("name", "x", "weight", "1", "maxScore", "10")), "decimals", 2,
                "eliminate", 1, "tieBreak", List.of("teamId"))).statusCode(201);
        postAs("organiser:" + ActingFilter.ORGANISER, rounds + "/r1/evaluators", Map.of("evaluatorId", "ev-a",
                "affiliation", "panel", "criteria", List.of("x"),
                "publicKey", LedgerJson.mapper().readTree(jwk(evA)))).statusCode(201);
    }

    private ValidatableResponse submit(Object body) {
        return postAs("team:member-t1", rounds + "/r1/submissions", body);
    }

    @Test
    void anEvaluatorWithoutAKeyIsNotAssigned() {
        postAs("organiser:" + ActingFilter.ORGANISER, rounds + "/r1/evaluators", Map.of("evaluatorId", "ev-b",
                "affiliation", "panel", "criteria", List.of("x"))).statusCode(400).body("field", equalTo("publicKey"));
    }

    @Test
    void anUnsignedSubmissionIsRefused() {
        submit(Map.of("submissionId", "s-t1", "teamId", "t1", "artifactDigest", DIGEST,
                "modelCardUri", "https://example.org/t1")).statusCode(422)
                .contentType(startsWith("application/problem+json")).body("rule", equalTo("signature-required"));
    }

    @Test
    void aSubmissionSignedByAnUnboundKeyIsRefused() {
        submit(Dsse.sign(SigningKey.generate(), Envelope.SUBMISSION, submission(c))).statusCode(422)
                .body("rule", equalTo("signature-valid"));
    }

    @Test
    void aPayloadAlteredAfterSigningIsRefused() {
        Envelope good = Dsse.sign(t1, Envelope.SUBMISSION, submission(c));
        String payload = new String(Base64.getDecoder().decode(good.payload()), StandardCharsets.UTF_8)
                .replace("example.org", "evil.example");
        submit(new Envelope(good.payloadType(), Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)),
                good.signatures())).statusCode(422).body("rule", equalTo("signature-valid"));
    }

    @Test
    void anEnvelopeForAnotherCompetitionIsRefused() {
        submit(Dsse.sign(t1, Envelope.SUBMISSION, submission("another-competition"))).statusCode(422)
                .body("rule", equalTo("signed-act-matches"));
    }

    @Test
    void aSignedSubmissionIsRecordedWithItsEnvelopeAndCannotBeReplayed() {
        Envelope envelope = Dsse.sign(t1, Envelope.SUBMISSION, submission(c));

        String eventId = submit(envelope).statusCode(201).extract().path("eventId");
        submit(envelope).statusCode(409);

        SubmissionMade recorded = (SubmissionMade) await().atMost(Duration.ofSeconds(10)).until(() ->
                LedgerTopic.shared().competition(c).stream().map(LedgerTopic.Entry::decoded)
                        .filter(r -> r.id().equals(eventId)).findFirst().orElse(null), r -> r != null).data();
        assertThat(recorded.envelope()).isEqualTo(envelope);
    }

    @Test
    void anEvaluationIsSignedByTheEvaluatorsBoundKey() {
        submit(Dsse.sign(t1, Envelope.SUBMISSION, submission(c))).statusCode(201);
        SignedEvaluation act = new SignedEvaluation(c, "r1", "s-t1", "ev-a", "x", "9");

        postAs("evaluator:ev-a", rounds + "/r1/evaluations", Dsse.sign(SigningKey.generate(), Envelope.EVALUATION, act))
                .statusCode(422).body("rule", equalTo("signature-valid"));
        postAs("evaluator:ev-a", rounds + "/r1/evaluations", Map.of("submissionId", "s-t1", "evaluatorId", "ev-a",
                "criterion", "x", "score", "9")).statusCode(422).body("rule", equalTo("signature-required"));
        postAs("evaluator:ev-a", rounds + "/r1/evaluations", Dsse.sign(evA, Envelope.EVALUATION, act)).statusCode(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> LedgerTopic.shared().competition(c).stream()
                .map(e -> e.decoded().data()).anyMatch(d -> d instanceof EvaluationRecorded e && e.envelope() != null));
    }

    @Test
    void anOrganiserRotatesAnEvaluatorsKeyAndFromThenOnOnlyTheNewKeySigns() throws Exception {
        submit(Dsse.sign(t1, Envelope.SUBMISSION, submission(c))).statusCode(201);
        SigningKey rotated = SigningKey.generate();
        String rotations = rounds + "/r1/evaluators/ev-a/key-rotations";
        Map<String, Object> rotation = Map.of("publicKey", LedgerJson.mapper().readTree(jwk(rotated)),
                "reason", "scheduled rotation");

        postAs("evaluator:ev-a", rotations, rotation).statusCode(403);
        postAs("organiser:" + ActingFilter.ORGANISER, rotations, rotation).statusCode(201);
        given().get(rounds + "/r1").then().body("evaluators[0].publicKey.x",
                equalTo(Dsse.jwkOf(rotated.verifyingKey()).x()));
        SignedEvaluation act = new SignedEvaluation(c, "r1", "s-t1", "ev-a", "x", "9");

        postAs("evaluator:ev-a", rounds + "/r1/evaluations", Dsse.sign(evA, Envelope.EVALUATION, act))
                .statusCode(422).body("rule", equalTo("signature-valid"));
        postAs("evaluator:ev-a", rounds + "/r1/evaluations", Dsse.sign(rotated, Envelope.EVALUATION, act))
                .statusCode(201);
    }
}

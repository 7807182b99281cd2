package org.ledgerboard.team.actors;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.testkit.ActingFilter;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.LedgerTopic;
import org.ledgerboard.testkit.TestIssuer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.ledgerboard.team.TeamApi.uniqueId;

/** Every write needs a valid bearer token from the trusted issuer; the actor it names is recorded in the event. */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class AuthenticationTest {
    private static final TestIssuer ISSUER = TestIssuer.shared();

    private static Map<String, Object> competition(String c) {
        return Map.of("competitionId", c, "name", "n", "organiser", "o", "budget", Map.of("KRW", "1"), "finalists", 1);
    }

    static Stream<String> tokensThatMustNotPass() {
        String valid = ISSUER.token("organiser", "org-a");
        String[] parts = valid.split("\\.");
        String otherPayload = ISSUER.token("organiser", "org-z").split("\\.")[1];
        long now = Instant.now().getEpochSecond();
        return Stream.of(
                "not.a.jwt",
                "garbage",
                ISSUER.token("organiser", "org-a", c -> c.setExpirationTime(NumericDate.fromSeconds(now - 600))),
                ISSUER.token("organiser", "org-a", c -> c.setNotBefore(NumericDate.fromSeconds(now + 600))),
                ISSUER.token("organiser", "org-a", c -> c.setIssuer("https://someone-else.example")),
                ISSUER.token("organiser", "org-a", c -> c.setAudience("another-system")),
                ISSUER.unsignedToken("organiser", "org-a"),
                ISSUER.hmacWithThePublicKey("organiser", "org-a"),
                parts[0] + "." + otherPayload + "." + parts[2]); // tampered: another payload under this signature
    }

    @ParameterizedTest
    @MethodSource("tokensThatMustNotPass")
    void aTokenThatDoesNotVerifyIsRefusedAs401Problem(String token) {
        String c = uniqueId("auth");
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token).body(competition(c))
                .when().post("/competitions").then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("detail", not(containsString(token)));
        given().get("/competitions/" + c).then().statusCode(404);
    }

    @Test
    void aWriteWithoutATokenIsRefusedAs401Problem() {
        given().contentType(ContentType.JSON).header(ActingFilter.AS, "none").body(competition(uniqueId("auth")))
                .when().post("/competitions").then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void readsArePublicEvenWithABadToken() {
        String c = uniqueId("auth");
        given().contentType(ContentType.JSON).body(competition(c)).when().post("/competitions").then().statusCode(201);

        given().get("/competitions/" + c).then().statusCode(200);
        given().header("Authorization", "Bearer garbage").get("/competitions/" + c).then().statusCode(200);
    }

    @Test
    void theActorAndItsIssuerAreInTheHashedRecordAndTheTokenIsNot() {
        String c = uniqueId("auth");
        String token = ISSUER.token("organiser", "org-a");
        String eventId = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .body(competition(c)).when().post("/competitions").then().statusCode(201).extract().path("eventId");

        LedgerTopic.Entry entry = await().atMost(Duration.ofSeconds(10)).until(
                () -> LedgerTopic.shared().competition(c).stream().filter(e -> e.decoded().id().equals(eventId))
                        .findFirst().orElse(null), e -> e != null);
        LedgerRecord record = entry.decoded();
        assertThat(record.actor().attribute()).isEqualTo("organiser:org-a");
        assertThat(record.actor().issuer()).isEqualTo(TestIssuer.ISSUER);
        assertThat(new String(entry.value())).doesNotContain(token);
    }

    @Test
    void anIdempotencyKeyIsScopedToItsSubject() {
        String key = UUID.randomUUID().toString();
        String first = uniqueId("auth");
        given().contentType(ContentType.JSON).header(ActingFilter.AS, "organiser:org-a").header("Idempotency-Key", key)
                .body(competition(first)).when().post("/competitions").then().statusCode(201).body("id", equalTo(first));

        String second = uniqueId("auth");
        given().contentType(ContentType.JSON).header(ActingFilter.AS, "organiser:org-b").header("Idempotency-Key", key)
                .body(competition(second)).when().post("/competitions").then().statusCode(201)
                .body("id", equalTo(second));
        given().get("/competitions/" + second).then().statusCode(200).body("organisers", equalTo(List.of("org-b")));
    }
}

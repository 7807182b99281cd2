package org.ledgerboard.service.api;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How failures leave a service: each as problem+json, an unexpected one with the id of its log line. */
class ProblemResponsesTest {

    @Test
    void anUnexpectedFailureIsA500CarryingTheCorrelationIdOfItsLogLine() {
        Response answer = ProblemResponses.of(new IllegalStateException("boom"));

        Problem problem = (Problem) answer.getEntity();
        assertThat(answer.getStatus()).isEqualTo(500);
        assertThat(answer.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        assertThat(problem.correlationId()).matches("[0-9a-f-]{36}");
        assertThat(problem.detail()).contains(problem.correlationId()).doesNotContain("boom");
    }

    @Test
    void eachUnexpectedFailureGetsItsOwnCorrelationId() {
        Problem first = (Problem) ProblemResponses.of(new IllegalStateException()).getEntity();
        Problem second = (Problem) ProblemResponses.of(new IllegalStateException()).getEntity();

        assertThat(first.correlationId()).isNotEqualTo(second.correlationId());
    }

    @Test
    void aStoreThatCannotBeReachedIsA503WithRetryAfter() {
        Response answer = ProblemResponses.of(new IllegalStateException(
                new com.mongodb.MongoTimeoutException("no server")));

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isNotNull();
    }

    @Test
    void aRefusalIsAnsweredAsItWasRaised() {
        Problem problem = (Problem) ProblemResponses.of(ProblemException.ruleBroken("team-id-unique", "taken"))
                .getEntity();

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.rule()).isEqualTo("team-id-unique");
        assertThat(problem.correlationId()).isNull();
    }
}

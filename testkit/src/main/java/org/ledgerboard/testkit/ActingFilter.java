package org.ledgerboard.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;

/**
 * Lets a test's POSTs act as whoever the request needs, as the contract checks' {@code ACT=auto} does: the
 * organiser {@value #ORGANISER} for organiser acts, {@code member-TEAM} for a team's submission, the evaluator
 * named in an evaluation. A selection without {@code members} binds {@code member-TEAM}; a launch without
 * {@code signatures} makes them optional (a test of signing says {@code required}). A test that wants a
 * particular actor sends {@link #AS} ({@code ROLE:SUBJECT}, or {@code none} for no token) or its own
 * {@code Authorization}.
 */
public final class ActingFilter implements Filter {
    public static final String AS = "X-Test-Act-As";
    public static final String ORGANISER = "test-organiser";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestIssuer issuer = TestIssuer.shared();

    /** Installs the filter for every RestAssured request of this class loader, once. */
    public static void install() {
        if (RestAssured.filters().stream().noneMatch(ActingFilter.class::isInstance)) {
            RestAssured.filters(new ActingFilter());
        }
    }

    public static String memberOf(String teamId) {
        return "member-" + teamId;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        String as = request.getHeaders().getValue(AS);
        if (as != null) {
            request.removeHeader(AS);
            if (!"none".equals(as)) {
                int colon = as.indexOf(':');
                authorise(request, as.substring(0, colon), as.substring(colon + 1));
            }
        } else if ("POST".equals(request.getMethod()) && !request.getHeaders().hasHeaderWithName("Authorization")) {
            actAsNeeded(request);
        }
        return context.next(request, response);
    }

    private void actAsNeeded(FilterableRequestSpecification request) {
        String path = request.getURI();
        JsonNode body = bodyOf(request);
        if (path.contains("/submissions")) {
            authorise(request, "team", memberOf(text(body, "teamId")));
        } else if (path.contains("/evaluations")) {
            authorise(request, "evaluator", text(body, "evaluatorId"));
        } else {
            authorise(request, "organiser", ORGANISER);
        }
        if (path.endsWith("/teams") && body instanceof ObjectNode team && !team.has("members")
                && team.hasNonNull("teamId")) {
            team.putArray("members").add(memberOf(team.get("teamId").asText()));
            request.body(team.toString());
        }
        if (path.endsWith("/competitions") && body instanceof ObjectNode launch && !launch.has("signatures")) {
            launch.put("signatures", "optional");
            request.body(launch.toString());
        }
    }

    private void authorise(FilterableRequestSpecification request, String role, String subject) {
        request.header("Authorization", "Bearer " + issuer.token(role, subject));
    }

    private static String text(JsonNode body, String field) {
        return body != null && body.hasNonNull(field) ? body.get(field).asText() : "nobody";
    }

    private static JsonNode bodyOf(FilterableRequestSpecification request) {
        Object body = request.getBody();
        try {
            if (body instanceof String text) {
                return JSON.readTree(text);
            }
            if (body instanceof byte[] bytes) {
                return JSON.readTree(bytes);
            }
            return body == null ? null : JSON.valueToTree(body);
        } catch (IOException | IllegalArgumentException e) {
            return null; // not JSON: a test of malformed input
        }
    }
}

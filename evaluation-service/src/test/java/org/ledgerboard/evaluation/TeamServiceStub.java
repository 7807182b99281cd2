package org.ledgerboard.evaluation;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.ledgerboard.testkit.ActingFilter;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** team-service as a real HTTP server (WireMock) whose answers each test chooses. */
public class TeamServiceStub implements QuarkusTestResourceLifecycleManager {
    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return Map.of("quarkus.rest-client.team-service.url", server.baseUrl());
    }

    @Override
    public void stop() {
        server.stop();
    }

    public static void competition(String competitionId) {
        server.stubFor(get(urlPathEqualTo("/competitions/" + competitionId))
                .willReturn(okJson("{\"competitionId\":\"" + competitionId + "\",\"name\":\"stub\",\"signatures\":\"optional\","
                        + "\"organisers\":[\"" + ActingFilter.ORGANISER + "\"]}")));
    }

    /** A competition that requires signed submissions and evaluations. */
    public static void signedCompetition(String competitionId) {
        server.stubFor(get(urlPathEqualTo("/competitions/" + competitionId))
                .willReturn(okJson("{\"competitionId\":\"" + competitionId + "\",\"signatures\":\"required\","
                        + "\"organisers\":[\"" + ActingFilter.ORGANISER + "\"]}")));
    }

    /** An active team whose member is {@code member-TEAM}, with its bound key. */
    public static void signingTeam(String competitionId, String teamId, String publicKeyJwk) {
        server.stubFor(get(urlPathEqualTo("/competitions/" + competitionId + "/teams/" + teamId))
                .willReturn(okJson("{\"teamId\":\"" + teamId + "\",\"status\":\"ACTIVE\",\"leadOrganisation\":\"lab\","
                        + "\"consortium\":[\"lab\"],\"members\":[\"" + ActingFilter.memberOf(teamId) + "\"],"
                        + "\"publicKey\":" + publicKeyJwk + "}")));
    }

    public static void team(String competitionId, String teamId, String status, String lead, List<String> consortium) {
        String organisations = String.join("\",\"", consortium);
        server.stubFor(get(urlPathEqualTo("/competitions/" + competitionId + "/teams/" + teamId))
                .willReturn(okJson("{\"teamId\":\"" + teamId + "\",\"status\":\"" + status + "\",\"leadOrganisation\":\""
                        + lead + "\",\"consortium\":[\"" + organisations + "\"],\"members\":[\"" + ActingFilter.memberOf(teamId)
                        + "\"],\"grants\":[]}")));
    }

    public static void unknownTeam(String competitionId, String teamId) {
        server.stubFor(get(urlPathEqualTo("/competitions/" + competitionId + "/teams/" + teamId))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404}")));
    }

    public static void unreachable(String competitionId, String teamId) {
        server.stubFor(get(urlPathEqualTo("/competitions/" + competitionId + "/teams/" + teamId))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }
}

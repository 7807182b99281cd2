package org.ledgerboard.team.telemetry;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.ledgerboard.testkit.LedgerInfraResource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ledgerboard.team.TeamApi.launch;
import static org.ledgerboard.team.TeamApi.post;
import static org.ledgerboard.team.TeamApi.select;
import static org.ledgerboard.team.TeamApi.uniqueId;

/** /q/metrics counts commands accepted, and refused per rule, and times them; the publisher's work shows there. */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class CommandMetricsTest {

    @Test
    void commandsAreCountedAcceptedOrRefusedByTheRuleTheyBroke() {
        String c = uniqueId("metrics");
        launch(c);
        select(c, "upstage");
        double accepted = count("ledgerboard_commands_accepted_total{command=\"team.select\"");
        double refused = count("ledgerboard_commands_refused_total{command=\"team.select\",rule=\"team-id-unique\"");

        select(c, "naver-cloud");
        post("/competitions/" + c + "/teams", Map.of("teamId", "upstage", "name", "upstage",
                "leadOrganisation", "upstage", "consortium", List.of("Upstage"))).statusCode(409);

        assertThat(count("ledgerboard_commands_accepted_total{command=\"team.select\"")).isEqualTo(accepted + 1);
        assertThat(count("ledgerboard_commands_refused_total{command=\"team.select\",rule=\"team-id-unique\""))
                .isEqualTo(refused + 1);
        String metrics = metrics();
        assertThat(metrics).contains("ledgerboard_command_duration_seconds_bucket{command=\"team.select\",outcome=\"refused\"")
                .contains("ledgerboard_publish_duration_seconds_count")
                .contains("ledgerboard_publish_transaction_records_count")
                .contains("ledgerboard_publisher_backlog")
                .contains("ledgerboard_reactions_lag{reaction=\"EliminationReaction\"");
    }

    /**
     * The value of the series whose line starts so (labels in Prometheus's sorted order), 0 if it is not there; an
     * exemplar (the trace of a request counted) may follow the value.
     */
    private static double count(String series) {
        return metrics().lines().filter(line -> line.startsWith(series)).findFirst()
                .map(line -> Double.parseDouble(line.substring(line.indexOf("} ") + 2).split(" ")[0])).orElse(0.0);
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}

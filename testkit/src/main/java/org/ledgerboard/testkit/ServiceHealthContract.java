package org.ledgerboard.testkit;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** What every Ledgerboard service answers once it is up: health, OpenAPI. Extend it in a {@code @QuarkusTest}. */
public abstract class ServiceHealthContract {

    @Test
    void reportsItselfHealthy() {
        given().when().get("/q/health")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200).body(containsString("\"openapi\""));
    }
}

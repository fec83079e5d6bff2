package io.joystick.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.AuthServiceStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** docs/architecture.md#25-errors: a failing dependency is a 503 or 504 naming it, and nothing else about it. */
@QuarkusTest
@QuarkusTestResource(AuthServiceStub.class)
class DependencyErrorsTest {

    @Test
    void aDependencyThatDoesNotAnswerInTimeIs504NamingIt() {
        given().get("/test/dependency/slow").then().statusCode(504)
                .body("success", is(false)).body("error", equalTo("device-service did not answer in time"));
    }

    @Test
    void anUnreachableDependencyIs503NamingItAndNotItsAddress() {
        given().get("/test/dependency/down").then().statusCode(503)
                .body("error", equalTo("device-service is unreachable"));
    }

    @Test
    void aDependencyWhoseCircuitIsOpenIs503() {
        given().get("/test/dependency/failing").then().statusCode(503).body("error",
                equalTo("device-service is unreachable"));
        given().get("/test/dependency/failing").then().statusCode(503)
                .body("error", equalTo("device-service is failing; try again shortly"));
    }

    @Test
    void aClientMayNameWhatItCouldNotReach() {
        given().get("/test/dependency/named").then().statusCode(503).body("error", equalTo("MediaMTX is unreachable"));
    }

    @Test
    void anUnreachableDatabaseIs503NamingItNotTheClientsFault() {
        given().get("/test/dependency/database").then().statusCode(503)
                .body("error", equalTo("The database is unavailable; try again shortly"));
    }
}

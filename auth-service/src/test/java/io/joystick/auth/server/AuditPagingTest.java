package io.joystick.auth.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@Tag("database")
@QuarkusTest
class AuditPagingTest {

    @Test
    void aPageBeyondTheBoundIsABadRequest() {
        given().auth().oauth2(Api.adminToken()).queryParam("page", Integer.MAX_VALUE).queryParam("perPage", 500)
                .when().get("/api/admin/audit").then().statusCode(400).body("success", equalTo(false))
                .body("error", containsString("page"));
    }

    @Test
    void theLastAllowedPageWithTheLargestPageSizeIsEmptyNotAnError() {
        given().auth().oauth2(Api.adminToken()).queryParam("page", 1_000_000).queryParam("perPage", 500)
                .when().get("/api/admin/audit").then().statusCode(200).body("$", empty());
    }
}

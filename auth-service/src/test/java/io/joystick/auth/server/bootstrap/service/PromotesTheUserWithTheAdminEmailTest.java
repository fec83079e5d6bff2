package io.joystick.auth.server.bootstrap.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.server.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@Tag("database")
@QuarkusTest
@TestProfile(AdminEmailTaken.class)
class PromotesTheUserWithTheAdminEmailTest {

    @Test
    void startsAndMakesThatUserAdminWithTheConfiguredPassword() {
        Api.login(Api.ADMIN_EMAIL, AdminEmailTaken.EXISTING_PASSWORD).then().statusCode(400);
        String token = Api.login(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD).then().statusCode(200)
                .body("record.id", equalTo(AdminEmailTaken.EXISTING_ID)).extract().path("token");
        given().auth().oauth2(token).queryParam("perPage", 500).when().get("/api/admin/audit").then().statusCode(200)
                .body("findAll { it.subject == '" + AdminEmailTaken.EXISTING_ID + "' }.event",
                        hasItem("ADMIN_BOOTSTRAPPED"));
    }
}

package io.joystick.auth.server.bootstrap.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.server.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@Tag("database")
@QuarkusTest
@TestProfile(AdminEmailTaken.WithoutAdminPassword.class)
class PromotesTheUserWithTheAdminEmailKeepingItsPasswordTest {

    @Test
    void startsAndMakesThatUserAdminWithItsOwnPassword() {
        String token = Api.login(Api.ADMIN_EMAIL, AdminEmailTaken.EXISTING_PASSWORD).then().statusCode(200)
                .body("record.id", equalTo(AdminEmailTaken.EXISTING_ID)).extract().path("token");
        given().auth().oauth2(token).when().get("/api/admin/users").then().statusCode(200);
    }
}

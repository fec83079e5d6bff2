package io.joystick.auth.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Creation and login apply the same email rule, so every user that can be created can log in. */
@Tag("database")
@QuarkusTest
class EmailRuleTest {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void aUserOnASingleLabelDomainCanBeCreatedAndLogIn() {
        String email = "ops-" + System.nanoTime() + "@localhost";
        String id = create(email).then().statusCode(201).extract().path("id");
        Api.login(email, PASSWORD).then().statusCode(200).body("record.id", equalTo(id));
    }

    @Test
    void addressesRefusedAtLoginAreRefusedAtCreationToo() {
        for (String email : List.of("no-at-sign", "two@at@example.com", "dot@.example.com", "dots@example..com",
                "trailing@example.com.", "space in@example.com", "@example.com", "local@")) {
            create(email).then().statusCode(400).body("success", equalTo(false))
                    .body("error", containsString("email"));
            Api.login(email, PASSWORD).then().statusCode(400)
                    .body("data.identity.code", equalTo("validation_invalid_email"));
        }
    }

    private static Response create(String email) {
        return given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "name", "Email Rule", "password", PASSWORD))
                .when().post("/api/admin/users");
    }
}

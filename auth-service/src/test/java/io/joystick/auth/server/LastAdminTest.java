package io.joystick.auth.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Without an admin nobody could manage users again. Runs on its own database, so the bootstrap admin is
 * the only admin whatever other tests do.
 */
@Tag("database")
@QuarkusTest
@TestProfile(OwnDatabase.class)
class LastAdminTest {

    @Test
    void theLastAdminCanBeNeitherDemotedNorDeleted() {
        String admin = Api.adminToken();
        String adminId = given().auth().oauth2(admin).when().get("/api/auth/me").then().extract().path("id");

        demote(admin, adminId).then().statusCode(409).body("success", equalTo(false))
                .body("error", equalTo("Cannot demote the last admin: make another user admin first"));
        given().auth().oauth2(admin).when().delete("/api/admin/users/" + adminId).then().statusCode(409)
                .body("success", equalTo(false));
        given().auth().oauth2(admin).when().get("/api/admin/users/" + adminId).then().statusCode(200)
                .body("admin", equalTo(true));
        Api.login(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD).then().statusCode(200);
    }

    @Test
    void anotherAdminCanBeDemotedOrDeleted() {
        String admin = Api.adminToken();
        String demoted = promotedUser(admin, "demoted");
        demote(admin, demoted).then().statusCode(200).body("admin", equalTo(false));
        String deleted = promotedUser(admin, "deleted");
        given().auth().oauth2(admin).when().delete("/api/admin/users/" + deleted).then().statusCode(204);
    }

    private static String promotedUser(String admin, String prefix) {
        String id = Api.createUser(Api.uniqueEmail(prefix), "correct horse battery", Set.of());
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("admin", true))
                .when().patch("/api/admin/users/" + id).then().statusCode(200);
        return id;
    }

    private static Response demote(String token, String userId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("admin", false))
                .when().patch("/api/admin/users/" + userId);
    }
}

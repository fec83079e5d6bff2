package io.joystick.auth.server;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Calls the auth-service API the way its clients do. */
public final class Api {

    public static final String ADMIN_EMAIL = "admin@joystick.test";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private Api() {
    }

    public static Response login(String identity, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("identity", identity, "password", password))
                .when().post("/api/collections/users/auth-with-password");
    }

    public static String token(String identity, String password) {
        return login(identity, password).then().statusCode(200).extract().path("token");
    }

    public static String adminToken() {
        return token(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** Creates a user with a unique email; returns its id. */
    public static String createUser(String email, String password, Set<String> permissions) {
        return given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "name", "Test User", "password", password, "permissions", permissions))
                .when().post("/api/admin/users")
                .then().statusCode(201).extract().path("id");
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}

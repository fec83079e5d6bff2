package io.joystick.auth.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.server.revocation.repository.Revocation;
import io.joystick.auth.server.revocation.repository.RevocationRepository;
import io.joystick.auth.testapp.TestKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@Tag("database")
@QuarkusTest
class AdminApiTest {

    @Inject
    RevocationRepository revocations;

    @Test
    void seedsTheBrowserAppPermissions() {
        given().auth().oauth2(Api.adminToken()).when().get("/api/admin/permissions").then().statusCode(200)
                .body("name", hasItems("device-cpsi", "device-battery", "device-gps", "device-imu", "notifications",
                        "toggle-slot", "create-device", "delete-device", "terminal-route"));
    }

    @Test
    void adminManagesUsersAndMemberships() {
        String admin = Api.adminToken();
        String email = Api.uniqueEmail("managed");
        String id = Api.createUser(email, "correct horse battery", Set.of("device-gps"));

        given().auth().oauth2(admin).when().get("/api/admin/users").then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "Renamed"))
                .when().patch("/api/admin/users/" + id).then().statusCode(200).body("name", equalTo("Renamed"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("permissions", Set.of("device-cpsi")))
                .when().put("/api/admin/users/" + id + "/permissions").then().statusCode(200)
                .body("permissions", equalTo(java.util.List.of("device-cpsi")));
        given().auth().oauth2(admin).when().get("/api/admin/permissions").then().statusCode(200)
                .body("find { it.name == 'device-cpsi' }.users", hasItem(id))
                .body("find { it.name == 'device-gps' }.users", not(hasItem(id)));
        given().auth().oauth2(admin).when().delete("/api/admin/permissions/device-cpsi/users/" + id).then()
                .statusCode(200).body("permissions", equalTo(java.util.List.of()));
        given().auth().oauth2(admin).when().delete("/api/admin/users/" + id).then().statusCode(204);
        given().auth().oauth2(admin).when().get("/api/admin/users/" + id).then().statusCode(404)
                .body("success", equalTo(false));
        Api.login(email, "correct horse battery").then().statusCode(400);
    }

    @Test
    void adminCreatesAndDeletesPermissions() {
        String admin = Api.adminToken();
        String name = "feature-" + System.nanoTime();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", name, "description", "new"))
                .when().post("/api/admin/permissions").then().statusCode(201).body("name", equalTo(name));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", name))
                .when().post("/api/admin/permissions").then().statusCode(409);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "Bad Name!"))
                .when().post("/api/admin/permissions").then().statusCode(400);
        given().auth().oauth2(admin).when().delete("/api/admin/permissions/" + name).then().statusCode(204);
        given().auth().oauth2(admin).when().delete("/api/admin/permissions/" + name).then().statusCode(404);
    }

    @Test
    void emailsAreUniqueWhateverTheirCase() {
        String email = Api.uniqueEmail("dup");
        Api.createUser(email, "correct horse battery", Set.of());
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("email", email.toUpperCase(), "password", "another password"))
                .when().post("/api/admin/users").then().statusCode(409).body("success", equalTo(false));
    }

    @Test
    void nonAdminsCannotUseTheAdminApi() {
        String email = Api.uniqueEmail("plain");
        Api.createUser(email, "correct horse battery", Set.of("create-device"));
        String user = Api.token(email, "correct horse battery");
        given().auth().oauth2(user).when().get("/api/admin/users").then().statusCode(403).body("success",
                equalTo(false));
        given().auth().oauth2(user).contentType(ContentType.JSON)
                .body(Map.of("email", Api.uniqueEmail("x"), "password", "correct horse battery", "admin", true))
                .when().post("/api/admin/users").then().statusCode(403);
        given().when().get("/api/admin/users").then().statusCode(401).body("error", equalTo("Authentication required"));
        given().header("X-API-Key", TestKeys.SERVICE_KEY).when().get("/api/admin/users").then().statusCode(403);
    }

    @Test
    void adminChangesAreAudited() {
        String admin = Api.adminToken();
        String id = Api.createUser(Api.uniqueEmail("audit"), "correct horse battery", Set.of());
        given().auth().oauth2(admin).when().put("/api/admin/permissions/device-gps/users/" + id).then().statusCode(200);
        given().auth().oauth2(admin).queryParam("perPage", 100).when().get("/api/admin/audit").then().statusCode(200)
                .body("findAll { it.subject == '" + id + "' }.event", hasItems("USER_CREATED", "PERMISSION_GRANTED"))
                .body("findAll { it.event == 'LOGIN_SUCCEEDED' }.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void revocationWrittenByAnotherInstanceIsObservedWithinThePollInterval() {
        String email = Api.uniqueEmail("other-instance");
        String id = Api.createUser(email, "correct horse battery", Set.of());
        String token = Api.token(email, "correct horse battery");
        given().auth().oauth2(token).when().get("/api/auth/me").then().statusCode(200);
        // As another auth-service instance would: a row in the shared table, nothing in this one's memory.
        QuarkusTransaction.requiringNew().run(() -> {
            Revocation row = new Revocation();
            row.userId = id;
            row.notBefore = System.currentTimeMillis() / 1000 + 1;
            row.createdMs = System.currentTimeMillis();
            revocations.persist(row);
        });
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                .untilAsserted(() -> given().auth().oauth2(token).when().get("/api/auth/me").then().statusCode(401));
    }

    @Test
    void adminRotatesTheSigningKeyAndOldTokensStayValid() {
        String admin = Api.adminToken();
        String email = Api.uniqueEmail("rotation");
        Api.createUser(email, "correct horse battery", Set.of());
        String before = Api.token(email, "correct horse battery");
        String kid = given().auth().oauth2(admin).when().post("/api/admin/keys/rotate").then().statusCode(200)
                .extract().path("kid");
        given().when().get("/.well-known/jwks.json").then().statusCode(200).body("keys.kid", hasItem(kid))
                .body("keys.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        String after = Api.token(email, "correct horse battery");
        given().auth().oauth2(before).when().get("/api/auth/me").then().statusCode(200);
        given().auth().oauth2(after).when().get("/api/auth/me").then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertEquals(kid, new String(java.util.Base64.getUrlDecoder()
                .decode(after.split("\\.")[0])).replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1"));
    }
}

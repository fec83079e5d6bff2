package io.joystick.device.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.TestKeys;
import io.joystick.device.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Models, actions and run definitions decide what runs on devices (and, for {@code target=local}, on this
 * host): only admins write them. The service key reads them, and is refused on every write.
 */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
class CatalogWritesTest {

    @Test
    void serviceKeyIsRefusedOnEveryWriteOfModelsActionsAndRuns() {
        String model = Fixtures.model();
        String action = Fixtures.action("catalog-write");
        Fixtures.run(model, action, "echo ok", "device", null, null);
        String run = given().auth().oauth2(Fixtures.admin()).get("/api/runs").then().statusCode(200).extract()
                .path("find { it.model == '" + model + "' }.id");
        Map<String, Object> runBody =
                Map.of("model", model, "action", action, "target", "local", "command", "id; hostname");

        asService().body(Map.of("name", Fixtures.unique("model"))).post("/api/models").then().statusCode(403);
        asService().body(Map.of("name", "renamed")).patch("/api/models/" + model).then().statusCode(403);
        asService().delete("/api/models/" + model).then().statusCode(403);

        asService().body(Map.of("name", Fixtures.unique("action"))).post("/api/actions").then().statusCode(403);
        asService().body(Map.of("name", "renamed")).patch("/api/actions/" + action).then().statusCode(403);
        asService().delete("/api/actions/" + action).then().statusCode(403);

        asService().body(runBody).post("/api/runs").then().statusCode(403).body("success", equalTo(false));
        asService().body(runBody).patch("/api/runs/" + run).then().statusCode(403);
        asService().delete("/api/runs/" + run).then().statusCode(403);

        // nothing changed
        given().auth().oauth2(Fixtures.admin()).get("/api/runs/" + run).then().statusCode(200)
                .body("command", equalTo("echo ok")).body("target", equalTo("device"));
        given().auth().oauth2(Fixtures.admin()).get("/api/models/" + model).then().statusCode(200);
        given().auth().oauth2(Fixtures.admin()).get("/api/actions/" + action).then().statusCode(200);
    }

    @Test
    void serviceKeyStillReadsModelsActionsAndRuns() {
        String model = Fixtures.model();
        Fixtures.run(model, Fixtures.action("catalog-read"), "echo ok", "device", null, null);
        asService().get("/api/models").then().statusCode(200).body("id", hasItem(model));
        asService().get("/api/models/" + model).then().statusCode(200);
        asService().get("/api/actions").then().statusCode(200);
        asService().get("/api/runs").then().statusCode(200).body("model", hasItem(model));
    }

    @Test
    void usersWithoutAdminAreRefusedToo() {
        String model = Fixtures.model();
        String action = Fixtures.action("catalog-user");
        String user = Fixtures.user("frank", "create-device", "control-mode");
        given().auth().oauth2(user).contentType(ContentType.JSON).body(Map.of("name", Fixtures.unique("model")))
                .post("/api/models").then().statusCode(403);
        given().auth().oauth2(user).contentType(ContentType.JSON).body(Map.of("name", Fixtures.unique("action")))
                .post("/api/actions").then().statusCode(403);
        given().auth().oauth2(user).contentType(ContentType.JSON)
                .body(Map.of("model", model, "action", action, "target", "device", "command", "true"))
                .post("/api/runs").then().statusCode(403);
    }

    private static RequestSpecification asService() {
        return given().header("X-API-Key", TestKeys.SERVICE_KEY).contentType(ContentType.JSON);
    }
}

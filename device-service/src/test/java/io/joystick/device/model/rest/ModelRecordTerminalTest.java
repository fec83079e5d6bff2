package io.joystick.device.model.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.TestKeys;
import io.joystick.device.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A model's {@code recordTerminal}: off unless an admin turns it on, changed alone by a PATCH, a boolean only. */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
class ModelRecordTerminalTest {

    @Test
    void aNewModelDoesNotRecordTerminals() {
        String model = Fixtures.model();
        given().auth().oauth2(Fixtures.admin()).get("/api/models/" + model).then().statusCode(200)
                .body("recordTerminal", equalTo(false));
    }

    @Test
    void anAdminTurnsRecordingOnAtCreationAndOffWithAPatchOfThatFieldAlone() {
        String name = Fixtures.unique("camera");
        String model = admin().body(Map.of("name", name, "description", "records", "recordTerminal", true))
                .post("/api/models").then().statusCode(201).body("recordTerminal", equalTo(true)).extract().path("id");
        admin().body(Map.of("recordTerminal", false)).patch("/api/models/" + model).then().statusCode(200)
                .body("recordTerminal", equalTo(false)).body("name", equalTo(name))
                .body("description", equalTo("records"));
        admin().body(Map.of("description", "renamed only")).patch("/api/models/" + model).then().statusCode(200)
                .body("recordTerminal", equalTo(false));
        admin().body(Map.of("recordTerminal", true)).patch("/api/models/" + model).then().statusCode(200);
        admin().body(Map.of("name", Fixtures.unique("camera"))).patch("/api/models/" + model).then().statusCode(200)
                .body("recordTerminal", equalTo(true));
    }

    @Test
    void refusesARecordTerminalThatIsNotABoolean() {
        admin().body(Map.of("name", Fixtures.unique("camera"), "recordTerminal", "sometimes")).post("/api/models")
                .then().statusCode(400);
        String model = Fixtures.model();
        admin().body(Map.of("recordTerminal", Map.of("on", true))).patch("/api/models/" + model).then().statusCode(400);
        given().auth().oauth2(Fixtures.admin()).get("/api/models/" + model).then().body("recordTerminal",
                equalTo(false));
    }

    @Test
    void aModelStillNeedsANameWhenCreated() {
        Map<String, Object> body = new HashMap<>();
        body.put("recordTerminal", true);
        admin().body(body).post("/api/models").then().statusCode(400);
        admin().body(Map.of("name", "")).post("/api/models").then().statusCode(400);
    }

    @Test
    void theServiceKeyCannotTurnRecordingOff() {
        String model =
                admin().body(Map.of("name", Fixtures.unique("camera"), "recordTerminal", true)).post("/api/models")
                        .then().statusCode(201).extract().path("id");
        given().header("X-API-Key", TestKeys.SERVICE_KEY).contentType(ContentType.JSON)
                .body(Map.of("recordTerminal", false)).patch("/api/models/" + model).then().statusCode(403);
        given().auth().oauth2(Fixtures.admin()).get("/api/models/" + model).then().body("recordTerminal",
                equalTo(true));
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON);
    }
}

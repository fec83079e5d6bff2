package io.joystick.device.run.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.common.Ids;
import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.device.Fixtures;
import io.joystick.device.run.repository.RunDefinition;
import io.joystick.device.run.repository.RunRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** {@code JOYSTICK_LOCAL_RUNS=false}: no run definition targets this host, and one stored before is not run. */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@TestProfile(LocalRunsSwitchedOffTest.LocalRunsOff.class)
class LocalRunsSwitchedOffTest {

    public static class LocalRunsOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("joystick.run.local-enabled", "false");
        }
    }

    @Inject
    RunRepository runs;

    @Test
    void creatingOrChangingALocalRunIsRefused() {
        String model = Fixtures.model();
        String action = Fixtures.action("local-off");
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("model", model, "action", action, "target", "local", "command", "id"))
                .post("/api/runs").then().statusCode(400).body("error", containsString("JOYSTICK_LOCAL_RUNS=false"));
        Fixtures.run(model, action, "id", "device", null, null);
        String run = given().auth().oauth2(Fixtures.admin()).get("/api/runs").then().statusCode(200).extract()
                .path("find { it.model == '" + model + "' }.id");
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("model", model, "action", action, "target", "local", "command", "id"))
                .patch("/api/runs/" + run).then().statusCode(400)
                .body("error", containsString("local runs are switched off"));
        given().auth().oauth2(Fixtures.admin()).get("/api/runs/" + run).then().statusCode(200)
                .body("target", equalTo("device"));
    }

    @Test
    void aStoredLocalRunIsNotRun() {
        String model = Fixtures.model();
        String action = Fixtures.action("stored-local");
        QuarkusTransaction.requiringNew().run(() -> {
            RunDefinition run = new RunDefinition();
            run.id = Ids.next();
            run.modelId = model;
            run.actionId = action;
            run.command = "echo ran";
            run.target = "local";
            run.created = Instant.now();
            run.updated = run.created;
            runs.persist(run);
        });
        String device = Fixtures.device(model, Map.of("host", "10.3.0.1"), "gina");
        given().auth().oauth2(Fixtures.user("gina")).contentType(ContentType.JSON).body("{}")
                .post("/api/run/" + device + "/stored-local").then().statusCode(409)
                .body("success", equalTo(false)).body("error", containsString("local runs are switched off"));
    }
}

package io.joystick.device.run.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.device.Fixtures;
import io.joystick.device.run.repository.RunDefinition;
import io.joystick.device.run.repository.RunRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The template rules at the API: a parameter may reach a second parser only when its schema proves it
 * inert there (checked when a run is written, and again before a stored one runs), no value is read as an
 * option, and a parameter schema refers only inside itself.
 */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
class RunTemplateSafetyTest {

    static final Map<String, Object> STRING_MSG = Map.of("type", "object",
            "properties", Map.of("msg", Map.of("type", "string")), "additionalProperties", false);

    @Inject
    RunRepository runs;

    String model;
    String device;
    Path canary;

    @BeforeEach
    void catalog() throws Exception {
        model = Fixtures.model();
        device = Fixtures.device(model, Map.of("host", "10.1.0.1"), "ivan");
        canary = Files.createTempDirectory("canary").resolve("pwned");
    }

    private ValidatableResponse write(String action, String command, Object schema) {
        Map<String, Object> body = new HashMap<>();
        body.put("model", model);
        body.put("action", Fixtures.action(action));
        body.put("command", command);
        body.put("target", "local");
        if (schema != null) {
            body.put("parameters", schema);
        }
        return given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(body).post("/api/runs").then()
                .log().ifValidationFails();
    }

    private ValidatableResponse run(String action, Object parameters) {
        return given().auth().oauth2(Fixtures.user("ivan")).contentType(ContentType.JSON).body(parameters)
                .post("/api/run/" + device + "/" + action).then();
    }

    @Test
    void refusesADefinitionThatHandsAStringParameterToASecondShell() {
        write("wrap-sh", "sh -c \"printf %s $msg\"", STRING_MSG).statusCode(400)
                .body("error", allOf(containsString("msg"), containsString("sh -c's command string")));
        write("wrap-eval", "eval printf %s $msg", STRING_MSG).statusCode(400)
                .body("error", allOf(containsString("msg"), containsString("eval")));
        write("wrap-ssh", "ssh $user@$host \"cat /var/log/$msg\"", STRING_MSG).statusCode(400)
                .body("error", allOf(containsString("msg"), containsString("ssh")));
        write("wrap-awk", "awk '{ print \"'$msg'\" }' /etc/hostname", STRING_MSG).statusCode(400)
                .body("error", containsString("awk's program text"));
        write("wrap-pipe", "echo $msg | sh", STRING_MSG).statusCode(400)
                .body("error", containsString("standard input of sh"));
        write("wrap-name", "$msg --version", STRING_MSG).statusCode(400)
                .body("error", containsString("name of the command"));
        write("wrap-undeclared", "sh -c 'echo $note'", null).statusCode(400)
                .body("error", allOf(containsString("note"), containsString("not declared")));
    }

    @Test
    void acceptsValuesTheSchemaProvesInertAndValuesPassedAsPositionalParameters() {
        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of(
                "count", Map.of("type", "integer"),
                "level", Map.of("enum", List.of("low", "high")),
                "name", Map.of("type", "string", "pattern", "^[a-z0-9_-]{1,20}$"),
                "msg", Map.of("type", "string")), "required", List.of("count", "level", "name"),
                "additionalProperties", false);
        write("inert", "sh -c \"printf '%s %s %s|' $count $level $name; printf %s \\\"\\$1\\\"\" sh $msg", schema)
                .statusCode(201);
        run("inert", Map.of("count", 2, "level", "high", "name", "cam_1", "msg", "$(touch " + canary + ")"))
                .statusCode(200).body("output", equalTo("2 high cam_1|$(touch " + canary + ")"));
        assertFalse(Files.exists(canary));
        // the pattern proves the values as Java reads it: "$" also matches before a final line break
        run("inert", Map.of("count", 2, "level", "high", "name", "cam\n", "msg", "x")).statusCode(400);

        write("loose-pattern", "sh -c \"echo $name\"", Map.of("type", "object", "properties",
                Map.of("name", Map.of("type", "string", "pattern", "[a-z]+")))).statusCode(400)
                .body("error", containsString("name"));
        write("untyped-pattern", "sh -c \"echo $name\"", Map.of("type", "object", "properties",
                Map.of("name", Map.of("pattern", "^[a-z]+$")), "additionalProperties", false)).statusCode(400);
    }

    @Test
    void refusesAnUnsafeTemplateOnUpdate() {
        String id = write("to-update", "printf %s $msg", STRING_MSG).statusCode(201).extract().path("id");
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("model", model, "action", Fixtures.action("to-update"), "command", "bash -c 'echo $msg'",
                        "target", "local", "parameters", STRING_MSG))
                .patch("/api/runs/" + id).then().statusCode(400).body("error", containsString("bash -c"));
        given().auth().oauth2(Fixtures.admin()).get("/api/runs/" + id).then().body("command",
                equalTo("printf %s $msg"));
    }

    @Test
    void aStoredUnsafeDefinitionIsRefusedAtRunTimeAndTheRefusalLogged() {
        String action = Fixtures.action("stored-unsafe");
        QuarkusTransaction.requiringNew().run(() -> {
            RunDefinition stored = new RunDefinition();
            stored.id = UUID.randomUUID().toString();
            stored.modelId = model;
            stored.actionId = action;
            stored.command = "sh -c \"printf %s $msg\"";
            stored.target = "local";
            stored.parameters = "{\"type\":\"object\",\"properties\":{\"msg\":{\"type\":\"string\"}}}";
            stored.created = Instant.now();
            stored.updated = stored.created;
            runs.persist(stored);
        });

        run("stored-unsafe", Map.of("msg", "$(touch " + canary + ")")).statusCode(400)
                .body("error", allOf(startsWith("Refused"), containsString("msg"), containsString("sh -c")));

        assertFalse(Files.exists(canary), "the stored definition ran");
        given().auth().oauth2(Fixtures.user("ivan")).get("/api/devices/" + device + "/logs").then().statusCode(200)
                .body("items.find { it.action == 'stored-unsafe' }.success", equalTo(false))
                .body("items.find { it.action == 'stored-unsafe' }.error", startsWith("Refused, nothing ran"));
    }

    @Test
    void refusesAStringValueBeginningWithADashUnlessItsPatternSaysSo() {
        write("list", "ls -d $path", Map.of("type", "object", "properties", Map.of("path", Map.of("type", "string"))))
                .statusCode(201);
        run("list", Map.of("path", "--version")).statusCode(400)
                .body("error", allOf(containsString("path"), containsString("may not begin with '-'")));
        run("list", Map.of("path", "/")).statusCode(200).body("output", equalTo("/\n"));

        write("offset", "printf %s $delta", Map.of("type", "object", "properties",
                Map.of("delta", Map.of("type", "string", "pattern", "^-?[0-9]+$")))).statusCode(201);
        run("offset", Map.of("delta", "-5")).statusCode(200).body("output", equalTo("-5"));
    }

    @Test
    void refusesDeviceConnectionDetailsBeginningWithADash() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", Fixtures.unique("device"));
        body.put("model", model);
        body.put("information", Map.of("host", "-oProxyCommand=touch " + canary));
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(body).post("/api/devices").then()
                .statusCode(400);
        body.put("information", Map.of("host", "10.0.0.1", "user", "-oProxyCommand=x"));
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(body).post("/api/devices").then()
                .statusCode(400);
        body.put("information", Map.of("host", "10.0.0.1"));
        body.put("id", "-rf");
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(body).post("/api/devices").then()
                .statusCode(400);
    }

    @Test
    void refusesSchemaReferencesOutsideTheDocument() {
        write("ref-classpath", "printf %s $msg", Map.of("$ref", "classpath:draft/2020-12/meta/core")).statusCode(400)
                .body("error", containsString("only refer inside itself"));
        write("ref-nested", "printf %s $msg", Map.of("type", "object", "properties",
                Map.of("msg",
                        Map.of("$ref", "classpath:META-INF/maven/com.networknt/json-schema-validator/pom.properties"))))
                .statusCode(400).body("error", containsString("only refer inside itself"));
        write("ref-id", "printf %s $msg", Map.of("$id", "classpath:draft/2020-12/schema", "$ref", "#")).statusCode(400);
        write("ref-local", "printf %s $msg", Map.of("$defs", Map.of("text", Map.of("type", "string")),
                "type", "object", "properties", Map.of("msg", Map.of("$ref", "#/$defs/text")))).statusCode(201);
        run("ref-local", Map.of("msg", "hi")).statusCode(200).body("output", equalTo("hi"));
        run("ref-local", Map.of("msg", 5)).statusCode(400);
    }
}

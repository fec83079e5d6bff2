package io.joystick.device.run.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.TestKeys;
import io.joystick.device.Fixtures;
import io.joystick.device.HangGuard;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Runs with {@code target=local}: the template, quoting, schema, timeouts, output cap and audit trail. */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
class RunLocalActionTest {

    static final Map<String, Object> MESSAGE_SCHEMA = Map.of(
            "type", "object",
            "properties", Map.of(
                    "msg", Map.of("type", "string", "maxLength", 200),
                    "count", Map.of("type", "integer", "minimum", 1, "maximum", 5)),
            "required", List.of("msg"),
            "additionalProperties", false);

    String model;
    String device;

    @BeforeEach
    void catalog() {
        model = Fixtures.model();
        Fixtures.run(model, Fixtures.action("echo"), "printf '%s|%s' $msg $device", "local", MESSAGE_SCHEMA, null);
        Fixtures.run(model, Fixtures.action("builtins"), "printf '%s|%s|%s|%s' $deviceId $device $host $userId",
                "local",
                null, null);
        Fixtures.run(model, Fixtures.action("sleepy"), "sleep 30", "local", null, 60);
        Fixtures.run(model, Fixtures.action("fail"), "echo broken >&2; exit 3", "local", null, null);
        Fixtures.run(model, Fixtures.action("flood"), "head -c 3000000 /dev/zero | tr '\\0' x", "local", null, null);
        Fixtures.run(model, Fixtures.action("set-mode"), "echo $mode", "local", Map.of("type", "object",
                "properties", Map.of("mode", Map.of("enum", List.of("live", "off", "auto"))), "required",
                List.of("mode")), null);
        Fixtures.run(model, Fixtures.action("slot-check"), "echo $host", "local", null, null);
        Fixtures.run(model, Fixtures.action("login"), "true", "local", null, null);
        Fixtures.run(model, Fixtures.action("binary"), "printf 'a\\000b'", "local", null, null);
        device = Fixtures.device(model, Map.of("host", "10.1.0.1", "secondSlotHost", "10.2.0.1"), "ivan");
    }

    @Test
    void runsTheCommandAndReportsOutputExitCodeAndDuration() {
        given().auth().oauth2(Fixtures.user("ivan")).contentType(ContentType.JSON).body(Map.of("msg", "hello"))
                .post("/api/run/" + device + "/echo").then().statusCode(200)
                .body("success", equalTo(true)).body("output", equalTo("hello|" + device))
                .body("exitCode", equalTo(0)).body("durationMs", greaterThanOrEqualTo(0));
    }

    @Test
    void noParameterCanRunACommandOfItsOwn() throws Exception {
        Path canary = Files.createTempDirectory("canary").resolve("pwned");
        List<String> attacks = List.of(
                "; touch " + canary, "$(touch " + canary + ")", "`touch " + canary + "`",
                "' ; touch " + canary + " ; '",
                "\"; touch " + canary + "; \"", "x\ntouch " + canary, "x && touch " + canary, "x | touch " + canary,
                "* ?", "$HOME ${PATH}", "\\'; touch " + canary);
        for (String attack : attacks) {
            given().auth().oauth2(Fixtures.user("ivan")).contentType(ContentType.JSON).body(Map.of("msg", attack))
                    .post("/api/run/" + device + "/echo").then().statusCode(200)
                    .body("output", equalTo(attack + "|" + device));
            assertFalse(Files.exists(canary), "injection ran: " + attack);
        }
        given().auth().oauth2(Fixtures.user("ivan")).contentType(ContentType.JSON)
                .body("{\"msg\":\"a\\u0000; touch " + canary + "\"}")
                .post("/api/run/" + device + "/echo").then().statusCode(400);
        assertFalse(Files.exists(canary));
    }

    @Test
    void parametersNeverOverrideBuiltInsAndLongerNamesWin() {
        given().auth().oauth2(Fixtures.user("ivan")).contentType(ContentType.JSON)
                .body(Map.of("device", "evil", "host", "evil.example", "userId", "root", "deviceId", "given"))
                .post("/api/run/" + device + "/builtins").then().statusCode(200)
                .body("output", equalTo("given|" + device + "|10.1.0.1|ivan"));
    }

    @Test
    void refusesParametersThatFailTheSchemaListingEachProblem() {
        given().auth().oauth2(Fixtures.user("ivan")).contentType(ContentType.JSON)
                .body(Map.of("count", 9, "extra", true))
                .post("/api/run/" + device + "/echo").then().statusCode(400)
                .body("success", equalTo(false))
                .body("details.size()", equalTo(3))
                .body("error", containsString("msg")).body("error", containsString("count"))
                .body("error", containsString("extra"));
        given().auth().oauth2(Fixtures.user("ivan")).contentType(ContentType.JSON).body("[1]")
                .post("/api/run/" + device + "/echo").then().statusCode(400);
        given().auth().oauth2(Fixtures.user("ivan")).contentType(ContentType.JSON).body("{oops")
                .post("/api/run/" + device + "/echo").then().statusCode(400).body("success", equalTo(false));
    }

    @Test
    void unknownDeviceOrActionIs404() {
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body("{}")
                .post("/api/run/no-such-device/echo").then().statusCode(404).body("success", equalTo(false));
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body("{}")
                .post("/api/run/" + device + "/no-such-action").then().statusCode(404);
        String otherModelAction = Fixtures.action("only-elsewhere");
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body("{}")
                .post("/api/run/" + device + "/" + otherModelAction).then().statusCode(404);
    }

    @Test
    void userNotOnTheAllowListIsRefusedAdminAndServicePass() {
        given().auth().oauth2(Fixtures.user("judy")).contentType(ContentType.JSON).body(Map.of("msg", "x"))
                .post("/api/run/" + device + "/echo").then().statusCode(403)
                .body("error", equalTo("Access denied: You don't have permission to control this device"));
        given().contentType(ContentType.JSON).body(Map.of("msg", "x"))
                .post("/api/run/" + device + "/echo").then().statusCode(401);
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(Map.of("msg", "x"))
                .post("/api/run/" + device + "/echo").then().statusCode(200);
        given().header("X-API-Key", TestKeys.SERVICE_KEY).contentType(ContentType.JSON).body(Map.of("msg", "x"))
                .post("/api/run/" + device + "/echo").then().statusCode(200);
        given().queryParam("token", Fixtures.user("ivan")).contentType(ContentType.JSON).body(Map.of("msg", "x"))
                .post("/api/run/" + device + "/echo").then().statusCode(200);
    }

    @Test
    void timesOutWith504AndKillsTheProcess() {
        HangGuard.given().auth().oauth2(Fixtures.user("ivan")).queryParam("timeout", 1).contentType(ContentType.JSON)
                .body("{}")
                .post("/api/run/" + device + "/sleepy").then().statusCode(504)
                .body("success", equalTo(false)).body("error", containsString("Timed out after 1 s"));
    }

    @Test
    void nonZeroExitIs500WithOutputAndExitCode() {
        given().auth().oauth2(Fixtures.user("ivan")).contentType(ContentType.JSON).body("{}")
                .post("/api/run/" + device + "/fail").then().statusCode(500)
                .body("success", equalTo(false)).body("exitCode", equalTo(3)).body("output", containsString("broken"))
                .body("error", notNullValue());
    }

    @Test
    void capsOutputAndFlagsIt() {
        String output = given().auth().oauth2(Fixtures.user("ivan")).contentType(ContentType.JSON).body("{}")
                .post("/api/run/" + device + "/flood").then().statusCode(200).body("truncated", equalTo(true))
                .extract().path("output");
        assertEquals(1024 * 1024, output.length());
    }

    @Test
    void refusesOutOfRangeTimeouts() {
        given().auth().oauth2(Fixtures.user("ivan")).queryParam("timeout", 0).contentType(ContentType.JSON).body("{}")
                .post("/api/run/" + device + "/fail").then().statusCode(400);
        given().auth().oauth2(Fixtures.user("ivan")).queryParam("timeout", 100000).contentType(ContentType.JSON)
                .body("{}")
                .post("/api/run/" + device + "/fail").then().statusCode(400);
    }

    @Test
    void setModeStoresTheNewMode() {
        given().auth().oauth2(Fixtures.user("ivan")).contentType(ContentType.JSON).body(Map.of("mode", "live"))
                .post("/api/run/" + device + "/set-mode").then().statusCode(403)
                .body("error", equalTo("Missing required permissions: control-mode"));
        given().auth().oauth2(Fixtures.admin()).get("/api/devices/" + device).then().body("mode", equalTo("off"));
        given().auth().oauth2(Fixtures.user("ivan", "control-mode")).contentType(ContentType.JSON)
                .body(Map.of("mode", "live"))
                .post("/api/run/" + device + "/set-mode").then().statusCode(200).body("output", equalTo("live\n"));
        given().auth().oauth2(Fixtures.admin()).get("/api/devices/" + device).then().body("mode", equalTo("live"));
    }

    @Test
    void slotCheckRunsAgainstTheRequestedSlotsHost() {
        given().header("X-API-Key", TestKeys.SERVICE_KEY).contentType(ContentType.JSON)
                .body(Map.of("slot", "secondary"))
                .post("/api/run/" + device + "/slot-check").then().statusCode(200)
                .body("output", equalTo("10.2.0.1\n"));
        given().header("X-API-Key", TestKeys.SERVICE_KEY).contentType(ContentType.JSON).body(Map.of("slot", "primary"))
                .post("/api/run/" + device + "/slot-check").then().statusCode(200)
                .body("output", equalTo("10.1.0.1\n"));
    }

    @Test
    void everyRunIsLoggedWithSecretsMasked() {
        given().auth().oauth2(Fixtures.user("ivan")).contentType(ContentType.JSON)
                .body(Map.of("password", "s3cret-param", "apiToken", "t0ken-param"))
                .post("/api/run/" + device + "/login").then().statusCode(200);
        given().auth().oauth2(Fixtures.user("ivan")).contentType(ContentType.JSON).body("{}")
                .post("/api/run/" + device + "/fail").then().statusCode(500);
        given().auth().oauth2(Fixtures.user("ivan")).queryParam("timeout", 1).queryParam("log", false)
                .contentType(ContentType.JSON).body("{}")
                .post("/api/run/" + device + "/sleepy").then().statusCode(504);
        String logs = given().auth().oauth2(Fixtures.user("ivan")).get("/api/devices/" + device + "/logs").then()
                .statusCode(200)
                .body("items.action", hasItem("login")).body("items.action", hasItem("fail"))
                .body("items.find { it.action == 'fail' }.exitCode", equalTo(3))
                .body("items.find { it.action == 'fail' }.success", equalTo(false))
                .body("items.find { it.action == 'sleepy' }.quiet", equalTo(true))
                .body("items.find { it.action == 'login' }.userId", equalTo("ivan"))
                .body("items.find { it.action == 'login' }.parameters", containsString("***"))
                .extract().asString();
        assertFalse(logs.contains("s3cret-param"), logs);
        assertFalse(logs.contains("t0ken-param"), logs);
        given().auth().oauth2(Fixtures.user("judy")).get("/api/devices/" + device + "/logs").then().statusCode(403);
    }

    @Test
    void binaryOutputIsReturnedAndLogged() {
        given().auth().oauth2(Fixtures.user("ivan")).contentType(ContentType.JSON).body("{}")
                .post("/api/run/" + device + "/binary").then().statusCode(200).body("output", equalTo("a\u0000b"));
        given().auth().oauth2(Fixtures.user("ivan")).get("/api/devices/" + device + "/logs").then().statusCode(200)
                .body("items.find { it.action == 'binary' }.output", equalTo("a\uFFFDb"));
    }

    @Test
    void setModeCalledByItsActionIdStoresTheModeAndIsLoggedByName() {
        String actionId = Fixtures.action("set-mode");
        given().auth().oauth2(Fixtures.user("ivan", "control-mode")).contentType(ContentType.JSON)
                .body(Map.of("mode", "auto"))
                .post("/api/run/" + device + "/" + actionId).then().statusCode(200);
        given().auth().oauth2(Fixtures.admin()).get("/api/devices/" + device).then().body("mode", equalTo("auto"));
        given().auth().oauth2(Fixtures.user("ivan")).get("/api/devices/" + device + "/logs").then().statusCode(200)
                .body("items.action", hasItem("set-mode")).body("items.action", not(hasItem(actionId)));
    }

    @Test
    void aRunDefinitionCannotOutlastTheMaximumTimeout() {
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("model", model, "action", Fixtures.action("too-patient"), "command", "true", "timeout",
                        3600))
                .post("/api/runs").then().statusCode(400).body("error", containsString("at most"));
    }

    @Test
    void runDefinitionsNeedAValidSchemaAndAreWrittenByAdminsOnly() {
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("model", model, "action", Fixtures.action("bad-schema"), "command", "true",
                        "parameters", Map.of("type", 12)))
                .post("/api/runs").then().statusCode(400);
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("model", model, "action", Fixtures.action("remote-ref"), "command", "true",
                        "parameters", Map.of("$ref", "http://127.0.0.1:9/evil.json")))
                .post("/api/runs").then().statusCode(400);
        given().auth().oauth2(Fixtures.user("ivan")).contentType(ContentType.JSON)
                .body(Map.of("model", model, "action", Fixtures.action("sneaky"), "command", "rm -rf /"))
                .post("/api/runs").then().statusCode(403);
        given().auth().oauth2(Fixtures.user("ivan")).get("/api/runs").then().statusCode(200)
                .body("command", not(hasItem("rm -rf /")));
    }
}

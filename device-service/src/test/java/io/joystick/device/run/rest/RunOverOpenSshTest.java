package io.joystick.device.run.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.device.Fixtures;
import io.joystick.device.execution.service.OpenSshServer;
import io.joystick.device.execution.service.SshTarget;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** End to end: the API runs an action with key authentication on OpenSSH's sshd, the server real devices run. */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
class RunOverOpenSshTest {

    static Path dir;
    static OpenSshServer sshd;

    @BeforeAll
    static void startSshd() throws Exception {
        dir = Files.createTempDirectory("openssh-e2e");
        sshd = OpenSshServer.start(dir);
    }

    @AfterAll
    static void stopSshd() throws Exception {
        sshd.close();
    }

    @Test
    void runsAnActionWithKeyAuthenticationAndNoInjection() throws Exception {
        String model = Fixtures.model();
        Fixtures.run(model, Fixtures.action("say"), "echo \"$msg\" on $device as $(whoami)", "device",
                Map.of("type", "object", "properties", Map.of("msg", Map.of("type", "string"))), null);
        SshTarget target = sshd.target("unused");
        String device = Fixtures.device(model, Map.of("host", "127.0.0.1", "port", sshd.port(), "user", target.user(),
                "key", target.privateKeyPem()), "liam");

        given().auth().oauth2(Fixtures.user("liam")).contentType(ContentType.JSON).body(Map.of("msg", "hello"))
                .post("/api/run/" + device + "/say").then().statusCode(200)
                .body("output", equalTo("hello on " + device + " as " + target.user() + "\n"));

        Path canary = dir.resolve("pwned");
        for (String attack : List.of("$(touch " + canary + ")", "\"; touch " + canary + "; \"",
                "`touch " + canary + "`")) {
            given().auth().oauth2(Fixtures.user("liam")).contentType(ContentType.JSON).body(Map.of("msg", attack))
                    .post("/api/run/" + device + "/say").then().statusCode(200)
                    .body("output", equalTo(attack + " on " + device + " as " + target.user() + "\n"));
        }
        assertFalse(Files.exists(canary), "a parameter ran a command over SSH");

        String view = given().auth().oauth2(Fixtures.admin()).get("/api/devices/" + device).then().statusCode(200)
                .body("information.hasKey", equalTo(true)).extract().asString();
        assertFalse(view.contains("PRIVATE KEY"), view);
    }
}

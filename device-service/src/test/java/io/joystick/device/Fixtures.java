package io.joystick.device;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.joystick.auth.testapp.JwksFileAuth;
import io.restassured.http.ContentType;

/** Builds the catalog and devices the tests run against, through the public API. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String admin() {
        return JwksFileAuth.token("admin-1", "admin");
    }

    public static String user(String id, String... permissions) {
        return JwksFileAuth.token(id, permissions);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String model() {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", unique("model"))).post("/api/models").then().statusCode(201).extract().path("id");
    }

    public static String action(String name) {
        String existing = given().auth().oauth2(admin()).get("/api/actions").then().statusCode(200).extract()
                .path("find { it.name == '" + name + "' }.id");
        if (existing != null) {
            return existing;
        }
        return given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/actions").then().statusCode(201).extract().path("id");
    }

    public static void run(String model, String action, String command, String target, Object schema, Integer timeout) {
        run(model, action, command, target, schema, timeout, null);
    }

    /** A run definition whose callers need {@code permission} (null: the allow-list alone). */
    public static void run(String model, String action, String command, String target, Object schema, Integer timeout,
            String permission) {
        Map<String, Object> body = new HashMap<>();
        if (permission != null) {
            body.put("permission", permission);
        }
        body.put("model", model);
        body.put("action", action);
        body.put("command", command);
        body.put("target", target);
        if (schema != null) {
            body.put("parameters", schema);
        }
        if (timeout != null) {
            body.put("timeout", timeout);
        }
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body).post("/api/runs").then()
                .statusCode(201);
    }

    /** A device of {@code model}, owned by admin-1, with these users on its allow-list. */
    public static String device(String model, Map<String, Object> information, String... allowed) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", unique("device"));
        body.put("model", model);
        body.put("allow", java.util.List.of(allowed));
        body.put("information", information);
        return given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body).post("/api/devices").then()
                .statusCode(201).extract().path("id");
    }
}
